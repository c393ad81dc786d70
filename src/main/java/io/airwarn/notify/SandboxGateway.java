package io.airwarn.notify;

import io.airwarn.core.MobileNumbers;
import io.quarkus.logging.Log;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A Twilio-compatible SMS gateway for the quick start and the tests, inside AirWarn or on its own port
 * ({@link SandboxCommand}): it accepts what Twilio's Messages API accepts, keeps what it received, and posts signed
 * status callbacks (sent, then delivered or undelivered). Latency, a rate limit, error and timeout injection are
 * settings. {@link SandboxApi} gives it Twilio's HTTP shapes.
 */
public class SandboxGateway {

    /** Behaviour switches; 0 turns each off. */
    public record Settings(long latencyMillis, int ratePerSecond, double errorRate, double timeoutRate,
                           long timeoutMillis, double undeliveredRate) {
        public static final Settings DEFAULT = new Settings(0, 0, 0, 0, 15_000, 0);
    }

    /** A message the gateway accepted. */
    public record Received(String sid, String to, String from, String messagingServiceSid, String body,
                           String statusCallback, String status, String dateCreated) {
    }

    /** Thrown to answer with Twilio's error JSON. */
    static final class Refusal extends RuntimeException {
        final int httpStatus;
        final int code;

        Refusal(int httpStatus, int code, String message) {
            super(message);
            this.httpStatus = httpStatus;
            this.code = code;
        }
    }

    private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.RFC_1123_DATE_TIME;

    private final String accountSid;
    private final Clock clock;
    private final String authToken;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Received> bySid = new ConcurrentHashMap<>();
    private final Random random = new Random();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService callbacks = Executors.newScheduledThreadPool(2);
    private final Set<String> unsubscribed = ConcurrentHashMap.newKeySet();
    private volatile Settings settings = Settings.DEFAULT;
    private long windowStart;
    private int windowCount;

    /** {@code clock}: the provider's own; the sandbox process has its own, the in-process one AirWarn's. */
    public SandboxGateway(String accountSid, String authToken, Clock clock) {
        this.accountSid = accountSid;
        this.authToken = authToken;
        this.clock = clock;
    }

    public Settings settings() {
        return settings;
    }

    public void configure(Settings s) {
        settings = s;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public void clear() {
        received.clear();
        bySid.clear();
        unsubscribed.clear();
    }

    /** From now on the number behaves as one that replied STOP to the sender: Twilio's error 21610. */
    public void unsubscribe(String phone) {
        unsubscribed.add(phone);
    }

    void authenticate(String accountSid, String user, String password) {
        if (!this.accountSid.equals(accountSid) || !this.accountSid.equals(user) || !authToken.equals(password)) {
            throw new Refusal(401, 20003, "Authenticate");
        }
    }

    /** Accepts a message as Twilio's POST /Messages.json does. */
    public Received create(Map<String, String> form) throws InterruptedException {
        Settings s = settings;
        if (s.latencyMillis() > 0) {
            Thread.sleep(s.latencyMillis());
        }
        throttle(s);
        if (s.errorRate() > 0 && random.nextDouble() < s.errorRate()) {
            throw new Refusal(500, 20500, "Internal Server Error");
        }
        String to = form.get("To");
        String body = form.get("Body");
        if (to == null || body == null || form.get("From") == null && form.get("MessagingServiceSid") == null) {
            throw new Refusal(400, 21604, "A 'To' phone number, a 'From' or 'MessagingServiceSid', and a 'Body' are required.");
        }
        if (MobileNumbers.problem(to).isPresent()) {
            throw new Refusal(400, 21211, "The 'To' number " + to + " is not a valid phone number.");
        }
        if (unsubscribed.contains(to)) {
            throw new Refusal(400, 21610, "Attempt to send to unsubscribed recipient");
        }
        // Unique across restarts and threads, like Twilio's own SIDs (34 characters).
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        Received r = new Received(sid, to, form.get("From"), form.get("MessagingServiceSid"), body,
                form.get("StatusCallback"), "queued", OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)).format(RFC_2822));
        received.add(r);
        bySid.put(sid, r);
        if (r.statusCallback() != null) {
            boolean undelivered = s.undeliveredRate() > 0 && random.nextDouble() < s.undeliveredRate();
            callbacks.schedule(() -> callback(r, "sent", null), 10, TimeUnit.MILLISECONDS);
            callbacks.schedule(() -> callback(r, undelivered ? "undelivered" : "delivered",
                    undelivered ? "30003" : null), 30, TimeUnit.MILLISECONDS);
        }
        // A timeout after the message was accepted: the sender cannot know it went out, the case reconciliation is for.
        if (s.timeoutRate() > 0 && random.nextDouble() < s.timeoutRate()) {
            Thread.sleep(s.timeoutMillis());
        }
        return r;
    }

    private synchronized void throttle(Settings s) {
        if (s.ratePerSecond() <= 0) {
            return;
        }
        long now = System.currentTimeMillis();
        if (now - windowStart >= 1000) {
            windowStart = now;
            windowCount = 0;
        }
        if (++windowCount > s.ratePerSecond()) {
            throw new Refusal(429, 20429, "Too Many Requests");
        }
    }

    private void callback(Received r, String status, String errorCode) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("MessageSid", r.sid());
        params.put("SmsSid", r.sid());
        params.put("AccountSid", accountSid);
        params.put("MessageStatus", status);
        params.put("SmsStatus", status);
        params.put("To", r.to());
        if (r.from() != null) {
            params.put("From", r.from());
        }
        if (errorCode != null) {
            params.put("ErrorCode", errorCode);
        }
        String form = params.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(r.statusCallback()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", TwilioSignature.sign(authToken, r.statusCallback(), params))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).exceptionally(e -> {
            Log.debugf("sandbox callback to %s failed: %s", r.statusCallback(), e.getMessage());
            return null;
        });
    }

    /** Messages to a number, newest first, as GET /Messages.json?To= lists them. */
    public List<Received> list(String to) {
        List<Received> list = new ArrayList<>();
        for (int i = received.size() - 1; i >= 0; i--) {
            if (to == null || received.get(i).to().equals(to)) {
                list.add(received.get(i));
            }
        }
        return list;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
