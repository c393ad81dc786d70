package io.airwarn.core;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Gauges of the cluster's state, read from the shared database: every node reports the same values, so dashboards
 * and alerts aggregate them with {@code max}. Each feature registers the queries for its own tables; this class
 * runs them all every {@code AIRWARN_METRICS_REFRESH} on a timer, so a scrape never waits for the database.
 * {@code airwarn_database_up} is 1 when the last round's queries all answered.
 */
@ApplicationScoped
public class StateMetrics {

    /** One series of a gauge: its labels (name, value, name, value...) and value. */
    public record Sample(Tags tags, double value) {

        public static Sample of(double value, String... labels) {
            return new Sample(Tags.of(labels), value);
        }
    }

    private record Source(String name, MultiGauge gauge, Supplier<Uni<List<Sample>>> query) {
    }

    private final MeterRegistry registry;
    private final Vertx vertx;
    private final Duration every;
    private final Map<String, Source> sources = new ConcurrentHashMap<>();
    private final AtomicInteger databaseUp = new AtomicInteger();

    StateMetrics(MeterRegistry registry, Vertx vertx, AirWarnConfig config) {
        this.registry = registry;
        this.vertx = vertx;
        this.every = config.metrics().refresh();
        Gauge.builder("airwarn.database.up", databaseUp, AtomicInteger::get)
                .description("1 when the last round of state queries answered, else 0").register(registry);
    }

    /**
     * Registers a gauge whose series come from {@code query}; {@code unit} ("seconds") is appended to the name as
     * Prometheus expects, or null.
     */
    public void gauge(String name, String description, String unit, Supplier<Uni<List<Sample>>> query) {
        MultiGauge gauge = MultiGauge.builder(name).description(description).baseUnit(unit).register(registry);
        sources.put(name, new Source(name, gauge, query));
    }

    /** Starts the timer; called once the features have registered their gauges. */
    public void refreshFromStartup() {
        refresh().subscribe().with(ignored -> { });
        vertx.setPeriodic(every.toMillis(), id -> refresh().subscribe().with(ignored -> { }));
    }

    /** Reads every gauge's series once; series that are no longer returned disappear. */
    public Uni<Void> refresh() {
        return Multi.createFrom().iterable(List.copyOf(sources.values()))
                .onItem().transformToUniAndConcatenate(source -> source.query().get()
                        .invoke(samples -> source.gauge().register(samples.stream()
                                .map(s -> MultiGauge.Row.of(s.tags(), s.value())).toList(), true))
                        .replaceWith(Optional.<String>empty())
                        .onFailure().recoverWithItem(e -> Optional.of(source.name() + ": " + e.getMessage())))
                .collect().asList()
                .invoke(results -> {
                    List<String> failures = results.stream().flatMap(Optional::stream).toList();
                    // One line a round, not one per gauge: during a database outage every query fails.
                    if (!failures.isEmpty()) {
                        Log.warnf("%d state metric(s) not read, e.g. %s", failures.size(), failures.get(0));
                    }
                    databaseUp.set(failures.isEmpty() ? 1 : 0);
                })
                .replaceWithVoid();
    }

    /** One sample per row. */
    public static List<Sample> samples(Iterable<Row> rows, Function<Row, Sample> sample) {
        List<Sample> samples = new ArrayList<>();
        rows.forEach(r -> samples.add(sample.apply(r)));
        return samples;
    }
}
