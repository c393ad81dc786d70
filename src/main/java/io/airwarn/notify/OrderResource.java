package io.airwarn.notify;

import io.airwarn.platform.ApiException;
import io.airwarn.user.Roles;
import jakarta.annotation.security.RolesAllowed;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/orders")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class OrderResource {

    private final Acknowledgements acknowledgements;
    private final SecurityIdentity identity;

    public OrderResource(Acknowledgements acknowledgements, SecurityIdentity identity) {
        this.acknowledgements = acknowledgements;
        this.identity = identity;
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "An order's acknowledgement and escalation state, by its short code")
    public Uni<Acknowledgements.Status> status(@PathParam("code") String code) {
        return acknowledgements.status(code).map(s -> s.orElseThrow(() -> ApiException.notFound("no_order",
                "no order with the code " + code)));
    }

    @POST
    @Path("/{code}/ack")
    @RolesAllowed({Roles.DUTY_OFFICER, Roles.COMMANDER, Roles.ADMIN})
    @Operation(summary = "Acknowledge an order (the same as the recipient replying its short code by SMS)")
    public Uni<Acknowledgements.Status> acknowledge(@PathParam("code") String code) {
        return acknowledgements.acknowledge(code, identity.getPrincipal().getName(), "API", null)
                .map(s -> s.orElseThrow(() -> ApiException.notFound("no_order",
                        "no order that needs acknowledging has the code " + code)));
    }
}
