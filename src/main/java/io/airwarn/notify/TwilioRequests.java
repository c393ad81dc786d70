package io.airwarn.notify;

import com.twilio.security.RequestValidator;
import io.airwarn.core.AirWarnConfig;
import io.airwarn.core.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Verifies that a webhook request comes from Twilio (X-Twilio-Signature, the SDK's RequestValidator). */
@ApplicationScoped
public class TwilioRequests {

    private final RequestValidator validator;
    private final AirWarnConfig.Twilio config;

    TwilioRequests(AirWarnConfig config) {
        this.config = config.twilio();
        this.validator = new RequestValidator(config.twilio().authToken());
    }

    /**
     * The request's form parameters, once the signature over the URL Twilio called and the parameters holds.
     *
     * @throws ApiException 403 otherwise
     */
    public Map<String, String> verified(String signature, MultivaluedMap<String, String> form, UriInfo uri) {
        Map<String, String> params = new HashMap<>();
        form.forEach((k, v) -> params.put(k, v.get(0)));
        String query = uri.getRequestUri().getRawQuery();
        String url = config.callbackUrl().map(base -> base + uri.getRequestUri().getRawPath()
                + (query == null ? "" : "?" + query)).orElse(uri.getRequestUri().toString());
        if (signature == null || !validator.validate(url, params, signature)) {
            throw new ApiException(403, "invalid_signature", "X-Twilio-Signature does not match this request",
                    List.of());
        }
        return params;
    }
}
