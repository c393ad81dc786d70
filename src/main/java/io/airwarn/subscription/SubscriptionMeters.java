package io.airwarn.subscription;

import io.airwarn.core.StateMetrics;
import io.airwarn.core.StateMetrics.Sample;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.interceptor.Interceptor;
import java.util.List;

/** Public subscriptions by status (from the database) and this node's opt-outs by how they came, for Prometheus. */
@Startup(Interceptor.Priority.APPLICATION)
@ApplicationScoped
class SubscriptionMeters {

    private final MeterRegistry registry;
    private final Pool pool;

    SubscriptionMeters(MeterRegistry registry, Pool pool, StateMetrics state) {
        this.registry = registry;
        this.pool = pool;
        state.gauge("airwarn.subscriptions", "Public warning subscriptions by status", null, this::byStatus);
    }

    /** {@code count} subscriptions ended, through the web form or by an SMS reply (STOP, TD, 退订). */
    void optedOut(String channel, int count) {
        if (count > 0) {
            Counter.builder("airwarn.subscription.opt.outs").description("Subscriptions ended, by channel")
                    .tag("channel", channel).register(registry).increment(count);
        }
    }

    private Uni<List<Sample>> byStatus() {
        return pool.query("SELECT status, count(*) FROM subscription GROUP BY 1").execute()
                .map(rows -> StateMetrics.samples(rows, r -> Sample.of(r.getLong(1), "status", r.getString(0))));
    }
}
