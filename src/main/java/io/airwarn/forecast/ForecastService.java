package io.airwarn.forecast;

import io.airwarn.aqi.AqiStandards;
import io.airwarn.aqi.BreakpointTable;
import io.airwarn.platform.BeijingTime;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs forecasts: for a city, from the last day with a daily PM2.5 before the issue day, leads 1..7, with weather
 * forecasts where posted. A run is stored once per city and issue time, however often or on however many nodes it
 * is started.
 */
@ApplicationScoped
public class ForecastService {

    /** Lags reach back this many days before the origin. */
    static final int HISTORY_DAYS = 2;
    /** Of the stored data, at most this share (and a year) validates a refitted model; the rest trains it. */
    static final int VALIDATION_SHARE = 4;
    static final int MAX_VALIDATION_DAYS = 365;

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

    ForecastService(ForecastStore store, ForecastModelRegistry models, AqiStandards standards,
                    Event<ForecastIssued> events) {
        this.events = events;
        this.store = store;
        this.models = models;
        this.table = standards.defaultTable();
    }

    /** Forecasts every city that has data. */
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

    public Uni<Outcome> run(String city, Instant issuedAt, String trigger) {
        Instant issued = issuedAt.truncatedTo(ChronoUnit.MINUTES);
        ForecastModel model = models.forCity(city).orElse(null);
        if (model == null) {
            return Uni.createFrom().item(new Outcome(city, Outcome.NO_MODEL, null, "no forecast model is loaded"));
        }
        LocalDate issueDay = issued.atZone(BeijingTime.ZONE).toLocalDate();
        return store.originDay(city, issueDay).chain(origin -> {
            if (origin == null) {
                return Uni.createFrom().item(new Outcome(city, Outcome.NO_DATA, null,
                        "no daily PM2.5 before " + issueDay));
            }
            return Uni.combine().all().unis(store.history(city, origin.minusDays(HISTORY_DAYS), origin),
                            store.metForecasts(city, origin.plusDays(1), origin.plusDays(ForecastModel.MAX_LEAD)))
                    .asTuple().chain(t -> {
                        DailySeries series = new DailySeries(t.getItem1().days(), table);
                        List<LeadForecast> days = CityForecaster.forecast(model, series, origin, t.getItem2());
                        return store.saveRun(city, issued, origin, model, trigger, t.getItem1().demo(), days)
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

    private void issued(String city, long runId) {
        events.fireAsync(new ForecastIssued(city, runId)).exceptionally(e -> {
            Log.errorf(e, "acting on forecast run %d of %s failed", runId, city);
            return null;
        });
    }

    /**
     * Fits a city's own model on all its stored days, validates it on the latest quarter (at most a year) by
     * rolling origin, writes it to the models folder and loads it.
     *
     * @throws IllegalArgumentException when the stored data are too few
     */
    public Uni<ForecastModelRegistry.Report> refit(String city, Predictors.HeatingSeason heating, String label) {
        return store.dataRange(city).chain(range -> {
            if (range == null) {
                throw new IllegalArgumentException("city " + city + " has no stored daily PM2.5");
            }
            return store.history(city, range.first(), range.last());
        }).emitOn(Infrastructure.getDefaultWorkerPool()).map(history -> {
            DailySeries series = new DailySeries(history.days(), table);
            long days = ChronoUnit.DAYS.between(series.firstDay(), series.lastDay()) + 1;
            LocalDate trainUntil = series.lastDay().minusDays(Math.min(MAX_VALIDATION_DAYS, days / VALIDATION_SHARE));
            ForecastModelFile.Validation validation = ModelFitting.validate(series, trainUntil, heating);
            ForecastModelFile file = new ForecastModelFile(city, ForecastModel.TYPE, ForecastModel.FORMAT_VERSION,
                    label, ModelFitting.TARGET, new ForecastModelFile.TrainingData(
                    "AirWarn stored observations of city " + city + (history.demo() ? " (DEMO data)" : ""),
                    "airwarn-database", null, List.of(), series.firstDay().toString(), series.lastDay().toString(),
                    (int) history.days().stream().filter(d -> d.pm25() != null).count()),
                    heating.toString(), InputFormat.STATION_METEOROLOGY,
                    ModelFitting.fitLeads(series, series.lastDay(), heating), validation);
            ForecastModel.of(file, "new");
            try {
                ForecastModels.write(file, models.fileFor(city));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Log.infof("refitted the forecast model of %s on %d days", city, file.trainingData().days());
            return models.reload();
        });
    }
}
