package io.airwarn.platform;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.ScheduledExecution;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * Records each execution of a scheduled job with the node that ran it (table {@code scheduled_run}), so that
 * "fired once per cluster" can be checked after the fact, and a run that died with its node is visible.
 */
@ApplicationScoped
public class ScheduledRuns {

    private final Pool pool;
    private final String node;

    /** The node is named by its Quartz instance id ({@code QUARKUS_QUARTZ_INSTANCE_ID}) when one is set. */
    ScheduledRuns(Pool pool, @ConfigProperty(name = "quarkus.quartz.instance-id") String quartzInstance) {
        this.pool = pool;
        this.node = "AUTO".equals(quartzInstance) ? hostAndPid() : quartzInstance;
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

    /** Runs the job's work for this firing between a start and a finish record; the work returns its outcome. */
    public Uni<Void> record(String job, ScheduledExecution execution, Supplier<Uni<String>> work) {
        return pool.preparedQuery("INSERT INTO scheduled_run (job, fire_time, node) VALUES ($1, $2, $3) RETURNING id")
                .execute(Tuple.of(job, execution.getScheduledFireTime().atOffset(ZoneOffset.UTC), node))
                .map(rows -> rows.iterator().next().getLong("id"))
                .flatMap(id -> work.get()
                        .onFailure().recoverWithItem(e -> {
                            Log.errorf("scheduled job %s failed: %s", job, e.getMessage());
                            return "failed: " + e.getMessage();
                        })
                        .flatMap(outcome -> pool.preparedQuery(
                                "UPDATE scheduled_run SET finished_at = now(), outcome = $2 WHERE id = $1")
                                .execute(Tuple.of(id, outcome))))
                .replaceWithVoid();
    }
}
