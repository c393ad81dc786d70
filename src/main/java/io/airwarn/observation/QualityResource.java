package io.airwarn.observation;

import io.airwarn.audit.AuditLog;
import io.airwarn.core.ApiException;
import io.airwarn.core.BeijingTime;
import io.airwarn.core.Roles;
import io.airwarn.core.SaneDates;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * A station's data-quality flags (item 40 of the provincial rules), and officers' decisions on them: confirming a
 * flag keeps the value out of every aggregate; overruling it lets the value count again, and the unit's AQI for
 * that day is recomputed at once.
 */
@Path("/api/stations/{id}/quality")
@Produces(MediaType.APPLICATION_JSON)
public class QualityResource {

    static final int MAX_LISTED = 1000;

    /** One flag: the hour (Beijing time), pollutant, rule, its numbers, and any decision. */
    public record Flag(String observedAt, String pollutant, String reason, String detail, String status,
                       String decidedBy, String decidedAt, String note) {
    }

    /** A station's flags, newest first, with counts by status and by rule. */
    public record Report(long station, String name, String unit, Map<String, Long> byStatus,
                         Map<String, Long> byReason, List<Flag> flags) {
    }

    /** An officer's decision: CONFIRM or OVERRULE one flag. */
    public record Decision(String observedAt, String pollutant, String reason, String decision, String note) {
    }

    private final Pool pool;
    private final AuditLog audit;
    private final ObservationImportService observations;
    private final SecurityIdentity identity;
    private final Clock clock;

    public QualityResource(Pool pool, AuditLog audit, ObservationImportService observations,
                           SecurityIdentity identity, Clock clock) {
        this.pool = pool;
        this.clock = clock;
        this.audit = audit;
        this.observations = observations;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "A station's data-quality flags (status=FLAGGED, CONFIRMED, OVERRULED or ALL)")
    public Uni<Report> flags(@PathParam("id") long id, @RestQuery String status) {
        String s = status == null || status.equalsIgnoreCase("ALL") ? null : status.toUpperCase(Locale.ROOT);
        return station(id).chain(st -> pool.preparedQuery("""
                        SELECT observed_at, pollutant, reason, detail, status, decided_by, decided_at, note
                        FROM quality_flag WHERE station_id = $1 AND ($2::text IS NULL OR status = $2)
                        ORDER BY observed_at DESC, pollutant LIMIT $3""").execute(Tuple.of(id, s, MAX_LISTED))
                .chain(rows -> pool.preparedQuery("SELECT status, reason, count(*) FROM quality_flag "
                        + "WHERE station_id = $1 GROUP BY 1, 2").execute(Tuple.of(id)).map(counts -> {
                            Map<String, Long> byStatus = new TreeMap<>();
                            Map<String, Long> byReason = new TreeMap<>();
                            counts.forEach(c -> {
                                byStatus.merge(c.getString(0), c.getLong(2), Long::sum);
                                byReason.merge(c.getString(1), c.getLong(2), Long::sum);
                            });
                            List<Flag> flags = new ArrayList<>();
                            rows.forEach(r -> flags.add(flag(r)));
                            return new Report(id, st.getString(0), st.getString(1), byStatus, byReason, flags);
                        })));
    }

    @POST
    @Path("/decisions")
    @RolesAllowed({Roles.DUTY_OFFICER, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Confirm or overrule a flag (duty officer, admin; audited)", description = "Body "
            + "{\"observedAt\": \"2015-12-10T12:00\" (Beijing time), \"pollutant\": \"SO2\", \"reason\": \"SPIKE\", "
            + "\"decision\": \"CONFIRM\" or \"OVERRULE\", \"note\": \"why\"}. The unit's AQI is recomputed.")
    public Uni<Flag> decide(@PathParam("id") long id, Decision d) {
        if (d == null || d.decision() == null || !List.of("CONFIRM", "OVERRULE").contains(
                d.decision().toUpperCase(Locale.ROOT)) || d.note() == null || d.note().isBlank()) {
            throw ApiException.badRequest("invalid_decision", "decision must be CONFIRM or OVERRULE, with a note "
                    + "saying why");
        }
        LocalDateTime hour = hour(d.observedAt());
        String status = d.decision().equalsIgnoreCase("CONFIRM") ? "CONFIRMED" : "OVERRULED";
        String actor = identity.getPrincipal().getName();
        return station(id).chain(st -> pool.withTransaction(c -> c.preparedQuery("""
                        UPDATE quality_flag SET status = $5, decided_by = $6, decided_at = $8, note = $7
                        WHERE station_id = $1 AND observed_at = $2 AND pollutant = $3 AND reason = $4
                        RETURNING observed_at, pollutant, reason, detail, status, decided_by, decided_at, note""")
                        .execute(Tuple.from(List.of(id, BeijingTime.toOffset(hour), String.valueOf(d.pollutant()),
                                String.valueOf(d.reason()), status, actor, d.note().strip(),
                                OffsetDateTime.now(clock))))
                        .chain(rows -> {
                            if (!rows.iterator().hasNext()) {
                                throw ApiException.notFound("no_flag", "station " + id + " has no " + d.reason()
                                        + " flag on " + d.pollutant() + " at " + hour);
                            }
                            Flag f = flag(rows.iterator().next());
                            return audit.append(c, new AuditLog.Entry(actor, "quality." + status.toLowerCase(Locale.ROOT),
                                    "quality_flag", id + "/" + hour + "/" + d.pollutant() + "/" + d.reason(), null,
                                    status, d.note().strip())).replaceWith(f);
                        }))
                .call(f -> observations.recompute(st.getString(1), hour.toLocalDate(), hour.toLocalDate())));
    }

    private Uni<Row> station(long id) {
        return pool.preparedQuery("SELECT name, city_code FROM station WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        throw ApiException.notFound("no_station", "station " + id + " does not exist");
                    }
                    return rows.iterator().next();
                });
    }

    private static LocalDateTime hour(String text) {
        return SaneDates.dateTime("observedAt", text);
    }

    private static Flag flag(Row r) {
        return new Flag(BeijingTime.toLocal(r.getOffsetDateTime(0)).toString(), r.getString(1), r.getString(2),
                r.getString(3), r.getString(4), r.getString(5),
                r.getOffsetDateTime(6) == null ? null : BeijingTime.toLocal(r.getOffsetDateTime(6)).toString(),
                r.getString(7));
    }
}
