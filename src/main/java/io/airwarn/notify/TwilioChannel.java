package io.airwarn.notify;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import io.airwarn.core.AirWarnConfig;
import io.airwarn.core.PublicAddress;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.Set;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * The only place that knows Twilio: sends one SMS through the Twilio Java SDK to the configured base URL (Twilio
 * itself, any faithful mock, or the built-in sandbox) and classifies the outcome.
 */
@ApplicationScoped
public class TwilioChannel {

    /** Errors a resend cannot fix: invalid number, unsubscribed, not a mobile, content errors. */
    static final Set<Integer> PERMANENT = Set.of(21211, 21610, 21614, 21602, 21617, 30007);
    static final String TWILIO_API = "https://api.twilio.com";
    static final String SANDBOX_PATH = "/sandbox/twilio";

    private final AirWarnConfig.Twilio config;
    /** Where Twilio calls back, unless AIRWARN_TWILIO_CALLBACK_URL says otherwise. */
    private final PublicAddress address;
    private volatile TwilioRestClient client;

    TwilioChannel(AirWarnConfig config, PublicAddress address) {
        this.config = config.twilio();
        this.address = address;
    }

    /** Said once at startup, plainly: where the SMS go. The credentials are never logged. */
    public void announce() {
        if (config.baseUrl().isEmpty() && config.sandbox()) {
            Log.warnf("SMS go to the built-in sandbox gateway (%s), NOT to phones. For real delivery set "
                    + "AIRWARN_TWILIO_SANDBOX=false with AIRWARN_TWILIO_ACCOUNT_SID and AIRWARN_TWILIO_AUTH_TOKEN.",
                    baseUrl());
        } else {
            Log.infof("SMS go to %s", baseUrl());
        }
    }

    private TwilioRestClient client() {
        if (client == null) {
            client = new TwilioRestClient.Builder(config.accountSid(), config.authToken())
                    .httpClient(new RebasedHttpClient(baseUrl(), config.responseTimeout())).build();
        }
        return client;
    }

    /** Where requests go: the configured URL, the sandbox on this server, or Twilio. */
    String baseUrl() {
        return config.baseUrl().orElseGet(() -> config.sandbox() ? PublicAddress.local() + SANDBOX_PATH : TWILIO_API);
    }

    String callbackUrl() {
        return config.callbackUrl().orElseGet(address::base) + "/api/twilio/status";
    }

    SendResult send(String to, String body, long outboxId, int validitySeconds) {
        MessageCreator creator = config.messagingServiceSid()
                .map(service -> Message.creator(new PhoneNumber(to), service, body))
                .orElseGet(() -> Message.creator(new PhoneNumber(to), new PhoneNumber(config.from()), body));
        creator.setStatusCallback(callbackUrl() + "?outbox=" + outboxId)
                .setValidityPeriod(Math.max(1, Math.min(36_000, validitySeconds)));
        try {
            return SendResult.accepted(creator.create(client()).getSid());
        } catch (ApiException e) {
            Integer code = e.getCode();
            if (code != null && PERMANENT.contains(code)) {
                return new SendResult(SendResult.Outcome.PERMANENT, null, code, e.getMessage());
            }
            return new SendResult(SendResult.Outcome.RETRYABLE, null, code, e.getMessage());
        } catch (ApiConnectionException e) {
            boolean timedOut = e.getCause() instanceof SocketTimeoutException
                    || String.valueOf(e.getMessage()).contains("timed out");
            return new SendResult(timedOut ? SendResult.Outcome.UNKNOWN : SendResult.Outcome.RETRYABLE, null, null,
                    e.getMessage());
        }
    }

    /** A message sent to {@code to} with {@code body} since {@code since}, as the provider records it. */
    Optional<String> find(String to, String body, ZonedDateTime since) {
        for (Message m : Message.reader().setTo(new PhoneNumber(to)).setDateSentAfter(since.minusMinutes(1))
                .read(client())) {
            if (body.equals(m.getBody())) {
                return Optional.of(m.getSid());
            }
        }
        return Optional.empty();
    }

    /**
     * Sends the SDK's requests to another base URL, once each: retries are the dispatcher's decision, and a resend
     * after an unknown outcome must be reconciled first.
     */
    static final class RebasedHttpClient extends HttpClient {
        private final String base;
        private final NetworkHttpClient delegate;

        RebasedHttpClient(String base, Duration responseTimeout) {
            this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
            this.delegate = new NetworkHttpClient(RequestConfig.custom().setConnectTimeout(Timeout.ofSeconds(5))
                    .setResponseTimeout(Timeout.ofMilliseconds(responseTimeout.toMillis())).build());
        }

        @Override
        public Response reliableRequest(Request request) {
            return makeRequest(request);
        }

        @Override
        public Response makeRequest(Request request) {
            if (base.equals(TWILIO_API)) {
                return delegate.makeRequest(request);
            }
            String url = request.getUrl().replaceFirst("^https?://[^/]+", base);
            Request rebased = new Request(request.getMethod(), url);
            rebased.setAuth(request.getUsername(), request.getPassword());
            rebased.setContentType(request.getContentType());
            request.getPostParams().forEach((k, values) -> values.forEach(v -> rebased.addPostParam(k, v)));
            request.getQueryParams().forEach((k, values) -> values.forEach(v -> rebased.addQueryParam(k, v)));
            request.getHeaderParams().forEach((k, values) -> values.forEach(v -> rebased.addHeaderParam(k, v)));
            return delegate.makeRequest(rebased);
        }
    }
}
