package io.airwarn.user;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A console session cookie names its user; the roles come from the users table on each request, so a changed or
 * removed user loses its rights at once rather than when the cookie expires. The session must also be live
 * (WebSessions): a signed-out or revoked session stays out even with a copy of its cookies.
 */
@ApplicationScoped
class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    private final UserStore users;
    private final WebSessions sessions;

    SessionIdentityProvider(UserStore users, WebSessions sessions) {
        this.users = users;
        this.sessions = sessions;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
        String id = rc == null ? null : WebSessions.id(rc.request());
        return sessions.live(id, request.getPrincipal()).chain(live -> {
            if (!live) {
                throw new AuthenticationFailedException("the session has ended");
            }
            return users.find(request.getPrincipal());
        }).map(user -> {
            if (user == null) {
                throw new AuthenticationFailedException("the session's user no longer exists");
            }
            return DatabaseIdentityProvider.identity(user);
        });
    }
}
