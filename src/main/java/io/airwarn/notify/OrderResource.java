package io.airwarn.notify;

import io.airwarn.core.ApiException;
import io.airwarn.core.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Orders by their short code. Staff see and acknowledge any order; an enterprise, school or unit user only the
 * orders addressed to it (anything else is "not found", so codes of others' orders reveal nothing).
 */
@Path("/api/orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {

    /** The most codes one request may acknowledge on behalf: a unit's whole list of silent recipients. */
    static final int MAX_ON_BEHALF = 5000;

    private final Acknowledgements acknowledgements;
    private final SecurityIdentity identity;

    public OrderResource(Acknowledgements acknowledgements, SecurityIdentity identity) {
        this.acknowledgements = acknowledgements;
        this.identity = identity;
    }

    @GET
    @Path("/mine")
    @RolesAllowed({Roles.ENTERPRISE, Roles.SCHOOL, Roles.UNIT})
    @Operation(summary = "The signed-in enterprise's, school's or unit's orders, newest first (at most 200)")
    public Uni<List<Acknowledgements.Status>> mine() {
        return acknowledgements.orders(scope(), 200);
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.DUTY_OFFICER, Roles.APPROVER, Roles.COMMANDER, Roles.ADMIN, Roles.VIEWER, Roles.ENTERPRISE,
            Roles.SCHOOL, Roles.UNIT})
    @Operation(summary = "An order with its acknowledgement and escalation state, by its short code")
    public Uni<Acknowledgements.Status> status(@PathParam("code") String code) {
        return acknowledgements.status(code, scope()).map(s -> s.orElseThrow(() -> ApiException.notFound("no_order",
                "no order with the code " + code)));
    }

    @POST
    @Path("/{code}/ack")
    @RolesAllowed({Roles.DUTY_OFFICER, Roles.COMMANDER, Roles.ADMIN, Roles.ENTERPRISE, Roles.SCHOOL, Roles.UNIT})
    @Operation(summary = "Acknowledge an order: its recipient on the web, or staff on the recipient's behalf")
    public Uni<Acknowledgements.Status> acknowledge(@PathParam("code") String code) {
        Acknowledgements.Scope scope = scope();
        String channel = scope == Acknowledgements.Scope.ANY ? "API" : "WEB";
        return acknowledgements.acknowledge(code, identity.getPrincipal().getName(), channel, scope)
                .map(s -> s.orElseThrow(() -> ApiException.notFound("no_order",
                        "no order that needs acknowledging has the code " + code)));
    }

    /** Order codes to acknowledge on their recipients' behalf. */
    public record OnBehalf(List<String> codes) {
    }

    public record OnBehalfResult(int acknowledged) {
    }

    @POST
    @Path("/acknowledge-on-behalf")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DUTY_OFFICER, Roles.COMMANDER, Roles.ADMIN, Roles.UNIT})
    @Operation(summary = "Acknowledge silent orders for their recipients, in bulk: staff any, a supervising unit "
            + "those it was sent escalations about; already acknowledged or out-of-scope codes are skipped")
    public Uni<OnBehalfResult> acknowledgeOnBehalf(OnBehalf request) {
        if (request == null || request.codes() == null || request.codes().isEmpty()
                || request.codes().size() > MAX_ON_BEHALF) {
            throw ApiException.badRequest("invalid_codes", "codes must list 1 to " + MAX_ON_BEHALF + " order codes");
        }
        return acknowledgements.acknowledgeOnBehalf(request.codes(), identity.getPrincipal().getName(), scope())
                .map(OnBehalfResult::new);
    }

    private Acknowledgements.Scope scope() {
        return Acknowledgements.Scope.of(identity);
    }
}
