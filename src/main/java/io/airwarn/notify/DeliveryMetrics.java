package io.airwarn.notify;

import io.airwarn.core.StateMetrics;
import io.airwarn.core.StateMetrics.Sample;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The outbox and the orders' acknowledgement as state gauges: messages by status and priority, the oldest message
 * still waiting to go out, and real (not exercise) orders unacknowledged and overdue by unit, recipient type and
 * level.
 */
@Startup(Interceptor.Priority.APPLICATION)
@ApplicationScoped
class DeliveryMetrics {

    private final Pool pool;
    private final Clock clock;

    DeliveryMetrics(Pool pool, Clock clock, StateMetrics state) {
        this.pool = pool;
        this.clock = clock;
        state.gauge("airwarn.outbox.messages", "Outbox messages by status and priority", null, this::messages);
        state.gauge("airwarn.outbox.oldest.queued.age", "Age of the oldest message not yet sent", "seconds",
                this::oldestQueued);
        state.gauge("airwarn.orders.unacknowledged", "Real orders awaiting acknowledgement", null,
                () -> orders(DeliveryReport.AWAITING, Tuple.tuple()));
        state.gauge("airwarn.orders.overdue", "Real orders unacknowledged past their deadline or escalated", null,
                () -> orders(DeliveryReport.overdue("$1"), Tuple.of(OffsetDateTime.now(clock))));
    }

    private Uni<List<Sample>> messages() {
        return pool.query("SELECT status, priority, count(*) FROM outbox GROUP BY 1, 2").execute()
                .map(rows -> StateMetrics.samples(rows, r -> Sample.of(r.getLong(2), "status", r.getString(0), "priority",
                        r.getInteger(1).toString())));
    }

    private Uni<List<Sample>> oldestQueued() {
        return pool.query("SELECT min(created_at) FROM outbox WHERE status IN ('QUEUED', 'RETRY', 'UNKNOWN', "
                        + "'SENDING')").execute()
                .map(rows -> {
                    OffsetDateTime oldest = rows.iterator().next().getOffsetDateTime(0);
                    double age = oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(),
                            clock.instant()).toMillis() / 1000.0);
                    return List.of(Sample.of(age));
                });
    }

    private Uni<List<Sample>> orders(String condition, Tuple params) {
        return pool.preparedQuery("""
                SELECT unit, recipient_type, level, count(*) FROM plan_order
                WHERE NOT exercise AND %s
                GROUP BY 1, 2, 3""".formatted(condition)).execute(params)
                .map(rows -> StateMetrics.samples(rows, r -> Sample.of(r.getLong(3), "unit", r.getString(0),
                        "recipient_type", r.getString(1), "level", r.getString(2))));
    }
}
