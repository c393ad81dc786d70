package io.airwarn.forecast;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The scheduled forecast runs (default 07:00 and 15:00 Beijing time). Quartz on the clustered JDBC store fires each
 * trigger on one node; the run's issue time is the trigger's scheduled time, so a repeated fire stores nothing new.
 */
@ApplicationScoped
class ForecastJob {

    static final String IDENTITY = "forecast-run";

    private final ForecastService service;

    ForecastJob(ForecastService service) {
        this.service = service;
    }

    @Scheduled(identity = IDENTITY, cron = "{airwarn.forecast.cron}", timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run(ScheduledExecution execution) {
        return service.runAll(execution.getScheduledFireTime(), "scheduled")
                .invoke(outcomes -> Log.infof("scheduled forecast run at %s: %s", execution.getScheduledFireTime(),
                        outcomes.stream().map(o -> o.city() + " " + o.status()).toList()))
                .replaceWithVoid();
    }
}
