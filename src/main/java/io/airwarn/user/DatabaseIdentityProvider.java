package io.airwarn.user;

import io.airwarn.core.Roles;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Checks a user name and password against the users table (bcrypt); the roles come from the same row. Failed
 * sign-ins slow down the client address that made them, for that account only (SignInThrottle, counted in the
 * database for every node), so the real user elsewhere still signs in. Unknown users cost the same bcrypt check as
 * known ones: the answer's timing does not tell which names exist. A right password is remembered for a while
 * ({@link VerifiedPasswords}) so that HTTP Basic on every API request does not cost a bcrypt check each.
 */
@ApplicationScoped
class DatabaseIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private static final String FORM_SIGN_IN = "/j_security_check";
    /** A hash of a random password at the cost of real ones, checked when the user does not exist. */
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash(UUID.randomUUID().toString());

    private final UserStore users;
    private final WebSessions sessions;
    private final VerifiedPasswords verified = new VerifiedPasswords();

    DatabaseIdentityProvider(UserStore users, WebSessions sessions) {
        this.users = users;
        this.sessions = sessions;
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
        String client = SignInThrottle.client(clientAddress(request));
        return users.throttled(name, client).chain(throttled -> {
            if (throttled) {
                return Uni.createFrom().failure(new AuthenticationFailedException("too many failed sign-ins"));
            }
            // bcrypt is deliberately slow; it runs on a worker thread, never on the event loop, and once per
            // VerifiedPasswords.TTL for a client that sends the same right password with every request.
            return users.find(name).chain(user -> (user != null && verified.verified(name, password,
                    user.passwordHash(), System.nanoTime()) ? Uni.createFrom().item(identity(user))
                    : context.runBlocking(() -> {
                        boolean matches = BcryptUtil.matches(password, user == null ? DUMMY_HASH : user.passwordHash());
                        if (user != null && matches) {
                            verified.remember(name, password, user.passwordHash(), System.nanoTime());
                        }
                        return user != null && matches ? identity(user) : null;
                    }))
                    .chain(identity -> identity != null ? users.signInSucceeded(name, client)
                            .chain(() -> startSession(request, name)).replaceWith(identity)
                            : users.signInFailed(name, client).chain(delay -> {
                                if (!delay.isZero()) {
                                    // The name is what the client typed: no control characters into the log.
                                    Log.infof("sign-ins to %s from %s wait %d s after repeated failures",
                                            name.replaceAll("\\p{Cntrl}", "?"), client, delay.toSeconds());
                                }
                                return Uni.createFrom().failure(
                                        new AuthenticationFailedException("unknown user or wrong password"));
                            })));
        });
    }

    /** A form sign-in starts a server-side session; HTTP Basic on the API has none. */
    private Uni<Void> startSession(UsernamePasswordAuthenticationRequest request, String name) {
        RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (rc == null || !FORM_SIGN_IN.equals(rc.request().path())) {
            return Uni.createFrom().voidItem();
        }
        return sessions.create(name).invoke(id -> rc.response().addCookie(WebSessions.cookie(id,
                "https".equals(rc.request().scheme())))).replaceWithVoid();
    }

    private static String clientAddress(UsernamePasswordAuthenticationRequest request) {
        RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
        return rc == null || rc.request().remoteAddress() == null ? null : rc.request().remoteAddress().hostAddress();
    }

    /** The user's identity: roles, and for a recipient user the recipient it acts for. */
    static SecurityIdentity identity(UserStore.User user) {
        var identity = QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(user.username()))
                .addRoles(Roles.withGroups(user.roles()));
        if (user.recipient() != null) {
            identity.addAttribute(Roles.RECIPIENT_UNIT, user.recipient().unit())
                    .addAttribute(Roles.RECIPIENT_ID, user.recipient().id());
        }
        return identity.build();
    }
}
