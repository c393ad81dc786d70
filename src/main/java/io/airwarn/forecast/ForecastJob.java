package io.airwarn.forecast;

import io.airwarn.cluster.ScheduledRuns;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The scheduled forecast runs (default 07:00 and 15:00 Beijing time). Quartz on the clustered JDBC store fires each
 * trigger on one node; the run's issue time is the trigger's scheduled time, so a repeated fire stores nothing new.
 */
@ApplicationScoped
public class ForecastJob {

    static final String IDENTITY = ScheduledRuns.FORECAST_JOB;

    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(2);

    private final ForecastService service;
    private final Clock clock;
    private final ScheduledRuns runs;

    ForecastJob(ForecastService service, Clock clock, ScheduledRuns runs) {
        this.service = service;
        this.clock = clock;
        this.runs = runs;
    }

    /**
     * At startup, after the demo data are loaded, cities that have data but no forecast yet get one, so a fresh
     * install shows forecasts before the first scheduled run.
     */
    public void firstForecastsAtStartup() {
        List<ForecastService.Outcome> outcomes = service.runForCitiesWithoutForecast(clock.instant())
                .await().atMost(STARTUP_TIMEOUT);
        if (!outcomes.isEmpty()) {
            Log.infof("first forecasts at startup: %s", outcomes.stream().map(o -> o.city() + " " + o.status()).toList());
        }
    }

    @Scheduled(identity = IDENTITY, cron = "{airwarn.forecast.cron}", timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run(ScheduledExecution execution) {
        runs.run(IDENTITY, execution, () -> service.runAll(execution.getScheduledFireTime(), "scheduled")
                .map(outcomes -> outcomes.stream().map(o -> o.city() + " " + o.status()
                        + (ForecastService.Outcome.FAILED.equals(o.status()) ? " (" + o.message() + ")" : ""))
                        .toList().toString())
                .invoke(outcome -> Log.infof("scheduled forecast run at %s: %s", execution.getScheduledFireTime(),
                        outcome)));
    }
}
