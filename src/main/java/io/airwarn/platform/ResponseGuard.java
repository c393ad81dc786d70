package io.airwarn.platform;

import io.airwarn.core.PublicAddress;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import java.util.Set;

/**
 * What every answer gets on its way out: every HTML page a Content Security Policy that allows no inline script
 * (the bundled Swagger UI, shown only in demo mode or when switched on, needs its own inline script), and redirects
 * that point at AirWarn's public address (or stay relative) rather than at whatever Host the request named. AirWarn
 * never redirects elsewhere, so every redirect is rebased. HTML other than the public page is never compressed: a
 * page that holds a form token and echoes input must not leak the token through compressed sizes (BREACH).
 */
@ApplicationScoped
public class ResponseGuard {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private static final String SWAGGER_CSP = CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'");

    /** The HTML pages sent compressed (quarkus.http.enable-compression): those that hold no secret. */
    static final Set<String> COMPRESSED_PAGES = Set.of("/");

    private final PublicAddress address;

    ResponseGuard(PublicAddress address) {
        this.address = address;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 20).handler(rc -> {
            rc.addHeadersEndHandler(ignored -> guard(rc));
            rc.next();
        });
    }

    private void guard(RoutingContext rc) {
        var headers = rc.response().headers();
        String type = headers.get(HttpHeaders.CONTENT_TYPE);
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("text/html")) {
            headers.set("Content-Security-Policy", rc.request().path().startsWith("/q/swagger-ui") ? SWAGGER_CSP : CSP);
            if (!COMPRESSED_PAGES.contains(rc.request().path())) {
                // Pages with a form token, a one-time link or echoed input go uncompressed (BREACH); the public
                // page has none of these.
                headers.set(HttpHeaders.CONTENT_ENCODING, "identity");
            }
        }
        String location = headers.get(HttpHeaders.LOCATION);
        if (location != null) {
            headers.set(HttpHeaders.LOCATION, publicLocation(location));
        }
    }

    /** The redirect's path on the public address. */
    String publicLocation(String location) {
        String lower = location.toLowerCase(Locale.ROOT);
        String path = location;
        if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("//")) {
            int pathStart = location.indexOf('/', location.indexOf("//") + 2);
            path = pathStart < 0 ? "/" : location.substring(pathStart);
        }
        return path.startsWith("/") ? address.redirectBase() + path : location;
    }
}
