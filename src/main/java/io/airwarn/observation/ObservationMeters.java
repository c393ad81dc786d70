package io.airwarn.observation;

import io.airwarn.core.StateMetrics;
import io.airwarn.core.StateMetrics.Sample;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The station feed for Prometheus: hourly records stored and values the quality rules flagged (this node's imports),
 * and the age of each station's newest hour (from the database), which tells when a feed went silent.
 */
@Startup(Interceptor.Priority.APPLICATION)
@ApplicationScoped
class ObservationMeters {

    private final MeterRegistry registry;
    private final Pool pool;
    private final Clock clock;

    ObservationMeters(MeterRegistry registry, Pool pool, Clock clock, StateMetrics state) {
        this.registry = registry;
        this.pool = pool;
        this.clock = clock;
        state.gauge("airwarn.observation.newest.age", "Age of each station's newest stored hour", "seconds",
                this::newestAges);
    }

    void received(String unit, int rows) {
        Counter.builder("airwarn.observations.received").description("Hourly station records stored, by unit")
                .tag("unit", unit).register(registry).increment(rows);
    }

    void flagged(List<QualityFlag> flags) {
        flags.forEach(f -> Counter.builder("airwarn.quality.flags.raised")
                .description("Values the quality rules flagged at import (a re-import flags again), by reason")
                .tag("reason", f.reason().name()).register(registry).increment());
    }

    /** Demo stations are left out: their data end years ago by design. */
    private Uni<List<Sample>> newestAges() {
        return pool.query("""
                SELECT s.city_code, s.name, (SELECT max(o.observed_at) FROM observation o WHERE o.station_id = s.id)
                FROM station s WHERE NOT s.demo""").execute()
                .map(rows -> StateMetrics.samples(rows, r -> Sample.of(r.getOffsetDateTime(2) == null ? Double.NaN
                        : Duration.between(r.getOffsetDateTime(2).toInstant(), clock.instant()).toSeconds(),
                        "unit", r.getString(0), "station", r.getString(1))));
    }
}
