package io.airwarn.platform;

import io.quarkus.logging.Log;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;

/**
 * Refuses before routing what no entry point can take: a NUL character in the path or query (PostgreSQL cannot store
 * it), and form posts larger than any AirWarn form (a 10 MB form used to fail chunk by chunk, one log line each).
 * Forms must declare their length; browsers and Twilio always do.
 */
@ApplicationScoped
public class RequestGuard {

    /** The largest form body accepted; the longest field AirWarn's forms have is a 2,000-character note. */
    public static final long MAX_FORM_BYTES = 16 * 1024;
    private static final String FORM = "application/x-www-form-urlencoded";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 10).handler(this::check);
    }

    private void check(RoutingContext rc) {
        String uri = rc.request().uri();
        if (uri.indexOf('\0') >= 0 || uri.toLowerCase(Locale.ROOT).contains("%00")) {
            refuse(rc, 400, "invalid_request", "The address contains a NUL character");
            return;
        }
        String type = rc.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith(FORM)) {
            String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            long declared;
            try {
                declared = length == null ? -1 : Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                declared = -1;
            }
            if (declared < 0) {
                refuse(rc, 411, "length_required", "A form must declare its Content-Length");
                return;
            }
            if (declared > MAX_FORM_BYTES) {
                Log.infof("form of %d bytes to %s refused", declared, rc.request().path());
                refuse(rc, 413, "form_too_large", "A form may carry at most " + MAX_FORM_BYTES + " bytes");
                return;
            }
        }
        rc.next();
    }

    private static void refuse(RoutingContext rc, int status, String code, String message) {
        rc.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end("{\"error\":\"" + code + "\",\"message\":\"" + message + "\",\"details\":[]}");
    }
}
