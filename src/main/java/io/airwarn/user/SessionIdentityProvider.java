package io.airwarn.user;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A console session cookie names its user; the roles come from the users table on each request, so a changed or
 * removed user loses its rights at once rather than when the cookie expires.
 */
@ApplicationScoped
class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    private final UserStore users;

    SessionIdentityProvider(UserStore users) {
        this.users = users;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        return users.find(request.getPrincipal()).map(user -> {
            if (user == null) {
                throw new AuthenticationFailedException("the session's user no longer exists");
            }
            return DatabaseIdentityProvider.identity(user);
        });
    }
}
