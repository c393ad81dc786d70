package io.airwarn.user;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Checks a user name and password against the users table (bcrypt); the roles come from the same row. Five failed
 * sign-ins in a row lock the user for 15 minutes, on every node (the count is in the database).
 */
@ApplicationScoped
class DatabaseIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final UserStore users;

    DatabaseIdentityProvider(UserStore users) {
        this.users = users;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        String name = request.getUsername();
        String password = new String(request.getPassword().getPassword());
        return users.locked(name).chain(locked -> {
            if (locked) {
                return Uni.createFrom().failure(new AuthenticationFailedException("too many failed sign-ins"));
            }
            // bcrypt is deliberately slow; it runs on a worker thread, never on the event loop.
            return users.find(name).chain(user -> context.runBlocking(() -> user != null
                            && BcryptUtil.matches(password, user.passwordHash()) ? identity(user) : null)
                    .chain(identity -> identity != null ? users.signInSucceeded(name).replaceWith(identity)
                            : users.signInFailed(name).chain(nowLocked -> {
                                if (nowLocked) {
                                    Log.warnf("user %s locked for %d minutes after %d failed sign-ins", name,
                                            UserStore.LOCK_SECONDS / 60, UserStore.MAX_FAILED_SIGN_INS);
                                }
                                return Uni.createFrom().failure(
                                        new AuthenticationFailedException("unknown user or wrong password"));
                            })));
        });
    }

    /** The user's identity: roles, and for a recipient user the recipient it acts for. */
    static SecurityIdentity identity(UserStore.User user) {
        var identity = QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(user.username()))
                .addRoles(user.roles());
        if (user.recipient() != null) {
            identity.addAttribute(Roles.RECIPIENT_UNIT, user.recipient().unit())
                    .addAttribute(Roles.RECIPIENT_ID, user.recipient().id());
        }
        return identity.build();
    }
}
