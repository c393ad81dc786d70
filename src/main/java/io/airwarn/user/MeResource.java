package io.airwarn.user;

import io.airwarn.core.Roles;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;

@Path("/api/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    public record Me(String username, Set<String> roles) {
    }

    private final SecurityIdentity identity;

    public MeResource(SecurityIdentity identity) {
        this.identity = identity;
    }

    @GET
    @Authenticated
    public Me me() {
        return new Me(identity.getPrincipal().getName(), Roles.withoutGroups(identity.getRoles()));
    }
}
