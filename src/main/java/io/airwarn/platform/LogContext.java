package io.airwarn.platform;

import io.airwarn.core.InstallationSecrets;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
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
 * warning or activation the address names. Phone numbers never go in: the log statements mask them.
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
        rc.next();
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
