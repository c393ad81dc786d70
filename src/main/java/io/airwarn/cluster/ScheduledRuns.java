package io.airwarn.cluster;

import io.airwarn.core.BeijingTime;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.ScheduledExecution;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records each execution of a scheduled job with the node that ran it (table {@code scheduled_run}), so that
 * "fired once per cluster" can be checked after the fact, and a run that died with its node is visible.
 */
@ApplicationScoped
public class ScheduledRuns {

    /** The recorded jobs. */
    public static final String FORECAST_JOB = "forecast-run";
    public static final String REMINDER_JOB = "warning-reminders";
    public static final String ESCALATION_JOB = "order-escalation";
    public static final String DISPATCH_JOB = "outbox-dispatch";
    public static final String COMPLIANCE_JOB = "compliance-check";

    private static final String FAILED = "failed: ";

    private final Pool pool;
    private final Clock clock;
    private final String node;
    private final MeterRegistry registry;

    /** The node is named by its Quartz instance id ({@code QUARKUS_QUARTZ_INSTANCE_ID}) when one is set. */
    ScheduledRuns(Pool pool, Clock clock, @ConfigProperty(name = "quarkus.quartz.instance-id") String quartzInstance,
                  MeterRegistry registry) {
        this.registry = registry;
        this.pool = pool;
        this.clock = clock;
        this.node = "AUTO".equals(quartzInstance) ? hostAndPid() : quartzInstance;
    }

    /**
     * The jobs' counters exist from the start, at 0: Prometheus' increase() needs a sample before the first failure
     * to see it.
     */
    @PostConstruct
    void registerCounters() {
        for (String job : List.of(FORECAST_JOB, REMINDER_JOB, ESCALATION_JOB, DISPATCH_JOB, COMPLIANCE_JOB)) {
            counter(job, "OK");
            counter(job, "FAILED");
        }
    }

    private Counter counter(String job, String outcome) {
        return Counter.builder("airwarn.scheduled.runs").description("Scheduled job runs on this node, by job and outcome")
                .tag("task", job).tag("outcome", outcome).register(registry);
    }

    private static String hostAndPid() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + "/" + ProcessHandle.current().pid();
    }

    /** One execution of a scheduled job, as recorded; times in Beijing time with their offset. */
    public record Run(String job, String fireTime, String node, String startedAt, String finishedAt, String outcome) {
    }

    /** The latest runs, newest first; of one job when {@code job} is given. */
    public Uni<List<Run>> latest(String job, int limit) {
        return pool.preparedQuery("""
                SELECT job, fire_time, node, started_at, finished_at, outcome FROM scheduled_run
                WHERE $1::text IS NULL OR job = $1 ORDER BY started_at DESC, id DESC LIMIT $2""")
                .execute(Tuple.of(job, limit)).map(rows -> {
                    List<Run> runs = new ArrayList<>();
                    rows.forEach(r -> runs.add(new Run(r.getString("job"), time(r.getOffsetDateTime("fire_time")),
                            r.getString("node"), time(r.getOffsetDateTime("started_at")),
                            time(r.getOffsetDateTime("finished_at")), r.getString("outcome"))));
                    return runs;
                });
    }

    private static String time(OffsetDateTime t) {
        return t == null ? null : BeijingTime.withOffset(t);
    }

    /**
     * The one way a scheduled job runs: its work for this firing between a start and a finish record (the work
     * returns its outcome). It blocks the scheduler's thread until done, so Quartz runs the job on one node at a time.
     */
    public void run(String job, ScheduledExecution execution, Supplier<Uni<String>> work) {
        record(job, execution, work).await().indefinitely();
    }

    private Uni<Void> record(String job, ScheduledExecution execution, Supplier<Uni<String>> work) {
        return pool.preparedQuery("INSERT INTO scheduled_run (job, fire_time, node, started_at) VALUES ($1, $2, $3, $4) "
                        + "RETURNING id")
                .execute(Tuple.of(job, execution.getScheduledFireTime().atOffset(ZoneOffset.UTC), node,
                        OffsetDateTime.now(clock)))
                .map(rows -> rows.iterator().next().getLong("id"))
                .flatMap(id -> work.get()
                        .onFailure().recoverWithItem(e -> {
                            Log.errorf("scheduled job %s failed: %s", job, e.getMessage());
                            return FAILED + e.getMessage();
                        })
                        .invoke(outcome -> counter(job, outcome.startsWith(FAILED) ? "FAILED" : "OK").increment())
                        .flatMap(outcome -> pool.preparedQuery(
                                "UPDATE scheduled_run SET finished_at = $3, outcome = $2 WHERE id = $1")
                                .execute(Tuple.of(id, outcome, OffsetDateTime.now(clock)))))
                .replaceWithVoid();
    }
}
