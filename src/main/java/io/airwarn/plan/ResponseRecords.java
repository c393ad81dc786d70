package io.airwarn.plan;

import io.airwarn.core.AirWarnConfig;
import io.airwarn.core.WarningLevel;
import io.airwarn.notify.Outbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the plan did in a response, as the curtailment checks read it: the activations (level and response start)
 * of a warning or a unit, the enterprises' orders with their supervising unit, and the enforcement task a
 * supervising unit gets when an enterprise was found short of its cut (an order of its own, sent by SMS).
 */
@ApplicationScoped
public class ResponseRecords {

    /** One activation: from {@code responseStart} the unit is at {@code level} (NONE: the response ended). */
    public record Activation(long id, String unit, WarningLevel level, OffsetDateTime responseStart, boolean exercise) {
    }

    /** An enterprise's order in an activation, with the unit that supervises it. */
    public record EnterpriseOrder(long orderId, long activationId, String unit, String enterpriseId,
                                  String enterpriseName, WarningLevel level, String supervisorId,
                                  String supervisorName, String supervisorMobile, boolean exercise) {
    }

    /** Enforcement tasks go out before new orders, as escalations do. */
    private static final int TASK_PRIORITY = 0;

    private final Pool pool;
    private final Outbox outbox;
    private final Clock clock;
    private final Duration validity;

    ResponseRecords(Pool pool, Outbox outbox, Clock clock, AirWarnConfig config) {
        this.pool = pool;
        this.outbox = outbox;
        this.clock = clock;
        this.validity = config.messageValidity();
    }

    public Uni<List<Activation>> ofWarning(long warningId) {
        return pool.preparedQuery("SELECT id, unit, level, response_start, exercise FROM activation "
                        + "WHERE warning_id = $1 ORDER BY response_start, id").execute(Tuple.of(warningId))
                .map(ResponseRecords::activations);
    }

    /** The real warnings whose response goes on: their latest activation has a level. */
    public Uni<List<Long>> warningsInResponse() {
        return pool.query("""
                SELECT warning_id FROM (SELECT DISTINCT ON (warning_id) warning_id, level FROM activation
                    WHERE warning_id IS NOT NULL AND NOT exercise ORDER BY warning_id, response_start DESC, id DESC) a
                WHERE level <> 'NONE'""").execute().map(rows -> {
                    List<Long> ids = new ArrayList<>();
                    rows.forEach(r -> ids.add(r.getLong(0)));
                    return ids;
                });
    }

    /** The unit's real activations whose response started before {@code to}, oldest first. */
    public Uni<List<Activation>> ofUnit(String unit, OffsetDateTime to) {
        return pool.preparedQuery("SELECT id, unit, level, response_start, exercise FROM activation "
                        + "WHERE unit = $1 AND NOT exercise AND response_start < $2 ORDER BY response_start, id")
                .execute(Tuple.of(unit, to)).map(ResponseRecords::activations);
    }

    private static List<Activation> activations(Iterable<Row> rows) {
        List<Activation> list = new ArrayList<>();
        rows.forEach(r -> list.add(new Activation(r.getLong(0), r.getString(1), WarningLevel.valueOf(r.getString(2)),
                r.getOffsetDateTime(3), r.getBoolean(4))));
        return list;
    }

    /** The enterprises ordered to cut in these activations (the latest order of each). */
    public Uni<List<EnterpriseOrder>> enterpriseOrders(List<Long> activationIds) {
        return pool.preparedQuery("""
                SELECT DISTINCT ON (recipient_id) id, activation_id, unit, recipient_id, recipient_name, level,
                       supervisor_id, supervisor_name, supervisor_mobile, exercise
                FROM plan_order WHERE activation_id = ANY($1) AND recipient_type = 'ENTERPRISE' AND kind = 'ORDER'
                ORDER BY recipient_id, activation_id DESC""")
                .execute(Tuple.of(activationIds.toArray(Long[]::new))).map(rows -> {
                    List<EnterpriseOrder> list = new ArrayList<>();
                    rows.forEach(r -> list.add(new EnterpriseOrder(r.getLong(0), r.getLong(1), r.getString(2),
                            r.getString(3), r.getString(4), WarningLevel.valueOf(r.getString(5)), r.getString(6),
                            r.getString(7), r.getString(8), r.getBoolean(9))));
                    return list;
                });
    }

    /**
     * Gives the enterprise's supervising unit an enforcement task inside the caller's transaction (an open order, sent
     * by SMS when the unit has a mobile; a duty officer closes it with what was found, so it is not acknowledged or
     * escalated like a cut order); returns its order id.
     */
    public Uni<Long> enforcementTask(SqlConnection c, EnterpriseOrder order, String text, String sms) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return c.preparedQuery("""
                INSERT INTO plan_order (activation_id, unit, recipient_type, recipient_id, recipient_name, mobile, kind,
                    level, text, deadline, so2_cut, nox_cut, pm_cut, vocs_cut, exercise, status)
                VALUES ($1, $2, 'SUPERVISOR', $3, $4, $5, 'ENFORCEMENT', $6, $7, $8::timestamptz + interval '1 day',
                        0, 0, 0, 0, $9, 'OPEN')
                RETURNING id""")
                .execute(Tuple.from(Arrays.asList(order.activationId(), order.unit(),
                        order.supervisorId() == null ? "eeb" : order.supervisorId(),
                        order.supervisorName() == null ? order.unit() : order.supervisorName(),
                        order.supervisorMobile(), order.level().name(), text, now, order.exercise())))
                .map(rows -> rows.iterator().next().getLong(0))
                .call(id -> order.supervisorMobile() == null ? Uni.createFrom().voidItem()
                        : outbox.enqueue(c, new Outbox.Message("enforcement-" + id, id, order.unit(), "SUPERVISOR",
                                order.supervisorId(), order.supervisorMobile(), sms, TASK_PRIORITY, order.exercise(),
                                validity)));
    }

    /** Closes an enforcement task: the duty officer has recorded what was found. */
    public Uni<Void> closeTask(SqlConnection c, long orderId) {
        return c.preparedQuery("UPDATE plan_order SET status = 'CLOSED' WHERE id = $1 AND kind = 'ENFORCEMENT'")
                .execute(Tuple.of(orderId)).replaceWithVoid();
    }
}
