package io.airwarn.plan;

import io.airwarn.core.ApiException;
import io.airwarn.core.BeijingTime;
import io.airwarn.core.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/activations")
@RolesAllowed(Roles.STAFF)
@Produces(MediaType.APPLICATION_JSON)
public class ActivationResource {

    static final int MAX_PAGE = 1000;

    /** A stored activation. */
    public record ActivationView(long id, String unit, String planVersion, String planChecksum, String level,
                                 String previousLevel, String responseStart, boolean exercise, long orders,
                                 String actor, Long warningId) {
    }

    /** A stored order with its status. */
    public record OrderView(String recipientType, String recipientId, String recipientName, String mobile,
                            String kind, String level, String text, String deadline, String status, Emissions cut,
                            boolean exercise) {
    }

    private final PlanStore store;

    public ActivationResource(PlanStore store) {
        this.store = store;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A stored activation with the plan version its orders came from")
    public Uni<ActivationView> activation(@PathParam("id") long id) {
        return store.activation(id).map(r -> {
            if (r == null) {
                throw ApiException.notFound("no_activation", "activation " + id + " does not exist");
            }
            return new ActivationView(r.getLong(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                    r.getString(5), r.getOffsetDateTime(6).atZoneSameInstant(BeijingTime.ZONE).toOffsetDateTime()
                    .toString(), r.getBoolean(7), r.getLong(8), r.getString(9), r.getLong(10));
        });
    }

    @GET
    @Path("/{id}/orders")
    @Operation(summary = "The orders of an activation", description = "type: ENTERPRISE, SCHOOL, RESPONSIBLE_UNIT "
            + "or PUBLIC; status: OPEN, SUPERSEDED or CLOSED; limit (at most 1000) and offset page through them.")
    public Uni<List<OrderView>> orders(@PathParam("id") long id, @RestQuery String type, @RestQuery String status,
                                       @RestQuery Integer limit, @RestQuery Integer offset) {
        int size = limit == null ? 100 : limit;
        if (size < 1 || size > MAX_PAGE || offset != null && offset < 0) {
            throw ApiException.badRequest("invalid_parameter", "limit must lie in 1.." + MAX_PAGE
                    + " and offset must not be negative");
        }
        return store.orders(id, type == null ? null : type.toUpperCase(Locale.ROOT),
                status == null ? null : status.toUpperCase(Locale.ROOT), size, offset == null ? 0 : offset)
                .map(rows -> rows.stream().map(r -> new OrderView(r.getString(0), r.getString(1), r.getString(2),
                        r.getString(3), r.getString(4), r.getString(5), r.getString(6),
                        r.getOffsetDateTime(7).atZoneSameInstant(BeijingTime.ZONE).toOffsetDateTime().toString(),
                        r.getString(8), new Emissions(r.getDouble(9), r.getDouble(10), r.getDouble(11),
                        r.getDouble(12)), r.getBoolean(13))).toList());
    }
}
