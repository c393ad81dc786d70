package io.airwarn.platform;

import io.airwarn.core.InstallationSecrets;
import io.airwarn.core.PhoneMasks;
import io.quarkus.logging.Log;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * What every log line of a request carries (as JSON fields with AIRWARN_LOG_FORMAT=json): a request id (the
 * caller's X-Request-Id when it is a plain token, else a new one, echoed in the answer), the signed-in user, and the
 * warning or activation the address names. Every change made through the API is logged once with its answer.
 * Phone numbers never go in: the log statements mask them.
 */
@ApplicationScoped
public class LogContext {

    private static final String HEADER = "X-Request-Id";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern NAMED = Pattern.compile("/(warnings|activations)/(\\d{1,18})(?:/|$)");

    private final CurrentIdentityAssociation identities;

    LogContext(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 5).handler(this::tag);
    }

    private void tag(RoutingContext rc) {
        String given = rc.request().getHeader(HEADER);
        String id = given != null && TOKEN.matcher(given).matches() ? given : InstallationSecrets.randomHex(8);
        MDC.put("requestId", id);
        rc.response().putHeader(HEADER, id);
        Matcher named = NAMED.matcher(rc.request().path());
        if (named.find()) {
            MDC.put(named.group(1).equals("warnings") ? "warningId" : "activationId", named.group(2));
        }
        if (changes(rc)) {
            long started = System.nanoTime();
            rc.addEndHandler(done -> logChange(rc, id, started));
        }
        rc.next();
    }

    /**
     * Requests that change something through the API; reading is not logged (the metrics count it), nor are the
     * provider's delivery callbacks (one per message: thousands per warning).
     */
    private static boolean changes(RoutingContext rc) {
        String path = rc.request().path();
        return path.startsWith("/api/") && !path.startsWith("/api/twilio/") && rc.request().method() != HttpMethod.GET
                && rc.request().method() != HttpMethod.HEAD && rc.request().method() != HttpMethod.OPTIONS;
    }

    /** One line per change, with who made it, for the operators' log collector; numbers in the path masked. */
    private static void logChange(RoutingContext rc, String requestId, long started) {
        String user = rc.user() instanceof QuarkusHttpUser u && !u.getSecurityIdentity().isAnonymous()
                ? u.getSecurityIdentity().getPrincipal().getName() : null;
        MDC.put("requestId", requestId);
        if (user != null) {
            MDC.put("user", user);
        }
        try {
            Log.infof("%s %s -> %d in %d ms", rc.request().method(), PhoneMasks.mask(rc.request().path()),
                    rc.response().getStatusCode(), (System.nanoTime() - started) / 1_000_000);
        } finally {
            MDC.remove("user");
            MDC.remove("requestId");
        }
    }

    /**
     * The user, once the request's identity is known (the API and pages authenticate lazily). A failed sign-in is
     * left to the endpoint's own check, which answers it as before.
     */
    @ServerRequestFilter
    Uni<Void> user() {
        return identities.getDeferredIdentity().invoke(identity -> {
            if (!identity.isAnonymous()) {
                MDC.put("user", identity.getPrincipal().getName());
            }
        }).onFailure().recoverWithNull().replaceWithVoid();
    }
}
