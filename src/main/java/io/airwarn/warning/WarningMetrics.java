package io.airwarn.warning;

import io.airwarn.core.StateMetrics;
import io.airwarn.core.StateMetrics.Sample;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.interceptor.Interceptor;
import java.util.List;

/** Warnings in force by unit, level and exercise, and proposals awaiting a duty officer, as state gauges. */
@Startup(Interceptor.Priority.APPLICATION)
@ApplicationScoped
class WarningMetrics {

    private final Pool pool;

    WarningMetrics(Pool pool, StateMetrics state) {
        this.pool = pool;
        state.gauge("airwarn.warnings.in.force", "Warnings in force (issued, or issued with a change submitted)",
                null, this::inForce);
        state.gauge("airwarn.proposals.open", "Warning proposals awaiting a duty officer's decision", null,
                this::proposalsOpen);
    }

    private Uni<List<Sample>> inForce() {
        return pool.query("""
                SELECT city_code, issued_level, exercise, count(*) FROM warning
                WHERE state IN ('ISSUED', 'CHANGE_SUBMITTED') AND issued_level <> 'NONE' GROUP BY 1, 2, 3""")
                .execute().map(rows -> StateMetrics.samples(rows, r -> Sample.of(r.getLong(3), "unit",
                        r.getString(0), "level", r.getString(1), "exercise", r.getBoolean(2).toString())));
    }

    private Uni<List<Sample>> proposalsOpen() {
        return pool.query("SELECT count(*) FROM warning_proposal WHERE status = 'OPEN'").execute()
                .map(rows -> List.of(Sample.of(rows.iterator().next().getLong(0))));
    }
}
