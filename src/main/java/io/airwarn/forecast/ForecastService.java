package io.airwarn.forecast;

import io.airwarn.aqi.AqiStandards;
import io.airwarn.aqi.BreakpointTable;
import io.airwarn.core.BeijingTime;
import io.quarkus.logging.Log;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs forecasts for a city, leads 1..7, with weather forecasts where posted. A run at hour H forecasts from the
 * issue day's hours before H with the model's fit for the latest issue hour not after H (the hour it was verified
 * for); when the model has none, or the last 24 hours are too sparse, it forecasts from the last whole day with a
 * daily PM2.5 before the issue day (issue hour 24). A run is stored once per city and issue time, however often
 * or on however many nodes it is started.
 */
@ApplicationScoped
public class ForecastService {

    /** The predictors reach back 72 hours before the issue time, so three days before the origin. */
    static final int HISTORY_DAYS = 3;
    /** Of the stored data, at most this share (and a year) validates a refitted model; the rest trains it. */
    static final int VALIDATION_SHARE = 4;
    static final int MAX_VALIDATION_DAYS = 365;
    /** A unit's own model needs this many days with a daily PM2.5: a year, every season once. */
    static final int MIN_UNIT_DAYS = 365;

    /** What happened to one city in a run. */
    public record Outcome(String city, String status, Long runId, String message) {
        static final String CREATED = "created";
        static final String EXISTS = "exists";
        static final String NO_DATA = "no-data";
        static final String NO_MODEL = "no-model";
        static final String FAILED = "failed";
    }

    private final ForecastStore store;
    private final ForecastModelRegistry models;
    private final BreakpointTable table;
    private final Event<ForecastIssued> events;
    private final ForecastMeters meters;

    ForecastService(ForecastStore store, ForecastModelRegistry models, AqiStandards standards,
                    Event<ForecastIssued> events, ForecastMeters meters) {
        this.events = events;
        this.meters = meters;
        this.store = store;
        this.models = models;
        this.table = standards.defaultTable();
    }

    /** Forecasts every city that has data. */
    @WithSpan("forecast runs")
    public Uni<List<Outcome>> runAll(Instant issuedAt, String trigger) {
        return store.citiesWithData().chain(cities -> runEach(cities, issuedAt, trigger));
    }

    /** Forecasts the cities that have data but no stored forecast at all. */
    public Uni<List<Outcome>> runForCitiesWithoutForecast(Instant issuedAt) {
        return store.citiesWithoutForecast().chain(cities -> runEach(cities, issuedAt, "startup"));
    }

    /** One city after the other: the runs share the connection pool with the requests being served. */
    Uni<List<Outcome>> runEach(List<String> cities, Instant issuedAt, String trigger) {
        List<Outcome> outcomes = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String city : cities) {
            // One city's failure is its own outcome and never stops the cities after it.
            chain = chain.chain(() -> Uni.createFrom().deferred(() -> run(city, issuedAt, trigger))
                    .onFailure().recoverWithItem(e -> failed(city, e)).invoke(outcomes::add).replaceWithVoid());
        }
        return chain.map(ignored -> List.copyOf(outcomes));
    }

    private static Outcome failed(String city, Throwable e) {
        Log.errorf(e, "the forecast of %s failed; the other cities go on", city);
        return new Outcome(city, Outcome.FAILED, null, "the forecast failed: " + e.getMessage());
    }

    /** Forecasts one city; every run is counted by its outcome for Prometheus. */
    @WithSpan("forecast run")
    public Uni<Outcome> run(@SpanAttribute("unit") String city, Instant issuedAt, String trigger) {
        return forecast(city, issuedAt, trigger).invoke(o -> meters.run(o.status()))
                .onFailure().invoke(e -> meters.run(Outcome.FAILED));
    }

    private Uni<Outcome> forecast(String city, Instant issuedAt, String trigger) {
        Instant issued = issuedAt.truncatedTo(ChronoUnit.MINUTES);
        ForecastModel model = models.forCity(city).orElse(null);
        if (model == null) {
            return Uni.createFrom().item(new Outcome(city, Outcome.NO_MODEL, null, "no forecast model is loaded"));
        }
        LocalDateTime local = issued.atZone(BeijingTime.ZONE).toLocalDateTime();
        LocalDate issueDay = local.toLocalDate();
        Integer sameDayHour = model.issueHours().stream().filter(h -> h < Predictors.WHOLE_DAY && h <= local.getHour())
                .reduce((a, b) -> b).orElse(null);
        Uni<Start> start = sameDayHour == null ? wholeDayStart(city, issueDay)
                : store.history(city, issueDay.minusDays(HISTORY_DAYS), issueDay).chain(history -> {
                    DailySeries series = new DailySeries(history.days(), table);
                    return Predictors.recent(series, ForecastPollutant.PM2_5, issueDay, sameDayHour) != null
                            ? Uni.createFrom().item(new Start(issueDay, sameDayHour, history))
                            : wholeDayStart(city, issueDay);
                });
        return start.chain(s -> {
            if (s == null) {
                return Uni.createFrom().item(new Outcome(city, Outcome.NO_DATA, null,
                        "no daily PM2.5 before " + issueDay));
            }
            return store.metForecasts(city, s.origin(), s.origin().plusDays(ForecastModel.MAX_LEAD)).chain(met -> {
                DailySeries series = new DailySeries(s.history().days(), table);
                List<LeadForecast> days = CityForecaster.forecast(model, series, s.origin(), s.issueHour(), met);
                return store.saveRun(city, issued, s.origin(), s.issueHour(), model, trigger, s.history().demo(), days)
                        .invoke(id -> {
                            if (id != null) {
                                issued(city, id);
                            }
                        })
                        .chain(id -> id != null
                                ? Uni.createFrom().item(new Outcome(city, Outcome.CREATED, id, null))
                                : store.runId(city, issued).map(existing -> new Outcome(city, Outcome.EXISTS,
                                existing, "a forecast for this issue time exists")));
            });
        });
    }

    /** Where a run starts: the origin day, the issue hour on it, and the history up to it. */
    private record Start(LocalDate origin, int issueHour, ForecastStore.History history) {
    }

    /** The last whole day with a daily PM2.5 before the issue day, or null when there is none. */
    private Uni<Start> wholeDayStart(String city, LocalDate issueDay) {
        return store.originDay(city, issueDay).chain(origin -> origin == null ? Uni.createFrom().nullItem()
                : store.history(city, origin.minusDays(HISTORY_DAYS), origin)
                .map(history -> new Start(origin, Predictors.WHOLE_DAY, history)));
    }

    private void issued(String city, long runId) {
        events.fireAsync(new ForecastIssued(city, runId)).exceptionally(e -> {
            Log.errorf(e, "acting on forecast run %d of %s failed", runId, city);
            return null;
        });
    }

    /**
     * Fits a unit's own model on all its stored days (at least {@link #MIN_UNIT_DAYS} of them), validates it on the
     * latest quarter (at most a year) by rolling origin, writes it to the models folder and loads it.
     *
     * @throws IllegalArgumentException when the stored data are too few
     */
    public Uni<ForecastModelRegistry.Report> refit(String city, Predictors.HeatingSeason heating, String label) {
        return historyOf(city).emitOn(Infrastructure.getDefaultWorkerPool()).map(history -> {
            if (history == null) {
                throw new IllegalArgumentException("city " + city + " has no stored daily PM2.5");
            }
            long days = history.days().stream().filter(d -> d.daily(ForecastPollutant.PM2_5) != null).count();
            if (days < MIN_UNIT_DAYS) {
                throw new IllegalArgumentException("city " + city + " has " + days + " days with a daily PM2.5; a "
                        + "unit's own model needs at least " + MIN_UNIT_DAYS + ". Units with less are forecast by "
                        + "the regional model (POST /api/forecast/models/regional)");
            }
            return install(city, "unit", label, List.of(city), List.of(history), heating);
        });
    }

    /**
     * Fits the regional model on the stored days of every unit with data together, for the units without a model of
     * their own; validated, written and loaded like a unit's model.
     *
     * @throws IllegalArgumentException when fewer than two units have data
     */
    public Uni<ForecastModelRegistry.Report> refitRegional(Predictors.HeatingSeason heating) {
        return store.citiesWithData().chain(cities -> {
            Uni<List<ForecastStore.History>> histories = Uni.createFrom().item(new ArrayList<>());
            for (String city : cities) {
                histories = histories.chain(list -> historyOf(city).map(h -> {
                    list.add(h);
                    return list;
                }));
            }
            return histories.map(list -> Map.entry(cities, list));
        }).emitOn(Infrastructure.getDefaultWorkerPool()).map(units -> {
            if (units.getKey().size() < 2) {
                throw new IllegalArgumentException("a regional model pools at least two units with stored data; "
                        + units.getKey().size() + " have some");
            }
            return install(ForecastModelRegistry.REGIONAL, "regional", "Regional model fitted on the stored "
                    + "observations of " + String.join(", ", units.getKey()), units.getKey(), units.getValue(),
                    heating);
        });
    }

    /** All stored days of a city, or null when it has none. */
    private Uni<ForecastStore.History> historyOf(String city) {
        return store.dataRange(city).chain(range -> range == null ? Uni.createFrom().nullItem()
                : store.history(city, range.first(), range.last()));
    }

    private ForecastModelRegistry.Report install(String id, String scope, String label, List<String> cities,
                                                 List<ForecastStore.History> histories,
                                                 Predictors.HeatingSeason heating) {
        List<DailySeries> units = histories.stream().map(h -> new DailySeries(h.days(), table)).toList();
        LocalDate first = units.stream().map(DailySeries::firstDay).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = units.stream().map(DailySeries::lastDay).max(LocalDate::compareTo).orElseThrow();
        long span = ChronoUnit.DAYS.between(first, last) + 1;
        LocalDate trainUntil = last.minusDays(Math.min(MAX_VALIDATION_DAYS, span / VALIDATION_SHARE));
        List<Integer> hours = ModelFitting.DEFAULT_ISSUE_HOURS;
        boolean demo = histories.stream().anyMatch(ForecastStore.History::demo);
        int days = (int) histories.stream().flatMap(h -> h.days().stream())
                .filter(d -> d.daily(ForecastPollutant.PM2_5) != null).count();
        List<ForecastModelFile.Lead> leads = ModelFitting.fitLeads(units, last, hours, heating);
        ForecastModelFile file = new ForecastModelFile(id, ForecastModel.TYPE, ForecastModel.FORMAT_VERSION, label,
                scope, ModelFitting.TARGET, new ForecastModelFile.TrainingData("AirWarn stored observations of "
                + String.join(", ", cities) + (demo ? " (DEMO data)" : ""), "airwarn-database", null, List.of(),
                scope.equals("regional") ? cities : null, first.toString(), last.toString(), days),
                heating.toString(), InputFormat.STATION_METEOROLOGY, ModelFitting.pollutantsOfLeads(leads), hours,
                leads, ModelFitting.validate(units, trainUntil, hours, heating));
        ForecastModel.of(file, "new");
        try {
            ForecastModels.write(file, models.fileFor(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Log.infof("refitted the forecast model %s on %d days", id, days);
        return models.reload();
    }
}
