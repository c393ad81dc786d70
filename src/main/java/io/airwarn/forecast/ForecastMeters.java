package io.airwarn.forecast;

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
import java.util.Locale;

/**
 * Forecast health for Prometheus: this node's runs by outcome, and per unit the age of its last stored (good) run,
 * read from the database, which tells when a unit's forecasts stopped.
 */
@Startup(Interceptor.Priority.APPLICATION)
@ApplicationScoped
class ForecastMeters {

    private final MeterRegistry registry;
    private final Pool pool;
    private final Clock clock;

    ForecastMeters(MeterRegistry registry, Pool pool, Clock clock, StateMetrics state) {
        this.registry = registry;
        this.pool = pool;
        this.clock = clock;
        state.gauge("airwarn.forecast.last.good.run.age", "Age of each unit's newest stored forecast run", "seconds",
                this::lastGoodRunAges);
    }

    /** One city's run ended with {@code status} (created, exists, no-data, no-model, failed). */
    void run(String status) {
        Counter.builder("airwarn.forecast.runs").description("Forecast runs of one unit, by outcome")
                .tag("outcome", status.toUpperCase(Locale.ROOT).replace('-', '_')).register(registry).increment();
    }

    private Uni<List<Sample>> lastGoodRunAges() {
        return pool.query("SELECT city_code, max(created_at) FROM forecast_run GROUP BY 1").execute()
                .map(rows -> StateMetrics.samples(rows, r -> Sample.of(Duration.between(
                        r.getOffsetDateTime(1).toInstant(), clock.instant()).toSeconds(), "unit", r.getString(0))));
    }
}
