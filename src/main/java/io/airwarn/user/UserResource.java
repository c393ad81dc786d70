package io.airwarn.user;

import io.airwarn.audit.AuditLog;
import io.airwarn.core.ApiException;
import io.airwarn.core.Roles;
import io.airwarn.plan.PlanRegistry;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Administrators create users: staff, and the enterprise, school and unit users who acknowledge their orders. */
@Path("/api/users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class UserResource {

    /** A user as listed: never the password hash. */
    public record UserView(String username, String displayName, Set<String> roles, boolean demo,
                           UserStore.Recipient recipient) {
        static UserView of(UserStore.User u) {
            return new UserView(u.username(), u.displayName(), u.roles(), u.demo(), u.recipient());
        }
    }

    private final UserStore users;
    private final WebSessions sessions;
    private final PlanRegistry plans;
    private final AuditLog audit;
    private final SecurityIdentity identity;

    public UserResource(UserStore users, PlanRegistry plans, AuditLog audit, SecurityIdentity identity,
                        WebSessions sessions) {
        this.sessions = sessions;
        this.users = users;
        this.plans = plans;
        this.audit = audit;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Every user with roles and, for recipient users, the recipient they act for")
    public Uni<List<UserView>> list() {
        return users.all().map(all -> all.stream().map(UserView::of).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a user (409 if the name is taken)")
    public Uni<Response> create(NewUser body) {
        if (body == null) {
            throw ApiException.badRequest("invalid_user", "a JSON body with username, password, displayName, roles");
        }
        List<String> problems = body.problems((unit, id) -> plans.catalog().plan(unit)
                .map(p -> p.plan().hasRecipient(id)).orElse(false));
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("invalid_user", "the user cannot be created", problems);
        }
        UserStore.User user = new UserStore.User(body.username(), BcryptUtil.bcryptHash(body.password()), body.roles(),
                body.displayName(), false, body.recipient());
        return users.createIfAbsent(user).chain(created -> {
            if (!created) {
                throw new ApiException(409, "user_exists", "a user named " + body.username() + " exists", List.of());
            }
            return audit.append(new AuditLog.Entry(identity.getPrincipal().getName(), "user.create", "user",
                    user.username(), null, "roles " + user.roles()
                    + (user.recipient() == null ? "" : ", acts for " + user.recipient()), null))
                    .map(ignored -> Response.status(201).entity(UserView.of(user)).build());
        });
    }

    /** What signing a user out everywhere did. */
    public record SessionsEnded(String username, int sessions) {
    }

    @DELETE
    @Path("/{username}/sessions")
    @Operation(summary = "Sign a user out everywhere: end every console and portal session of the user (audited)")
    public Uni<SessionsEnded> signOutEverywhere(@PathParam("username") String username) {
        return users.find(username).chain(user -> {
            if (user == null) {
                throw ApiException.notFound("no_user", "no user named " + username);
            }
            return sessions.revokeAll(username).call(n -> audit.append(new AuditLog.Entry(
                    identity.getPrincipal().getName(), "user.sessions-ended", "user", username, null,
                    n + " session(s) ended", null))).map(n -> new SessionsEnded(username, n));
        });
    }
}
