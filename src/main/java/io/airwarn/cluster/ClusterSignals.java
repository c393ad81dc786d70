package io.airwarn.cluster;

import io.airwarn.core.AirWarnConfig;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps what every node reads from its own disk into memory (plans, forecast models) the same on all nodes: the node
 * where someone reloads raises a signal (table {@code cluster_signal}), and every node polls the signals every
 * {@code AIRWARN_CLUSTER_POLL} and reloads its copy when one has moved on.
 */
@ApplicationScoped
public class ClusterSignals {

    private final Pool pool;
    private final Vertx vertx;
    private final Duration every;
    private final Clock clock;
    private final OffsetDateTime started;
    private final Map<String, Runnable> followers = new ConcurrentHashMap<>();
    private final Map<String, Long> seen = new ConcurrentHashMap<>();

    ClusterSignals(Pool pool, Vertx vertx, Clock clock, AirWarnConfig config) {
        this.pool = pool;
        this.clock = clock;
        this.started = OffsetDateTime.now(clock);
        this.vertx = vertx;
        this.every = config.clusterPoll();
    }

    /** At startup, once the followers are registered: polls for the other nodes' signals. */
    public void pollFromStartup() {
        if (!every.isZero()) {
            vertx.setPeriodic(every.toMillis(), id -> poll());
        }
    }

    /** Runs {@code reload} (off the event loop) whenever another node raises {@code name}. */
    public void follow(String name, Runnable reload) {
        followers.put(name, reload);
    }

    /** Tells the other nodes that {@code name} was reloaded here. */
    public Uni<Void> raise(String name) {
        return pool.preparedQuery("""
                INSERT INTO cluster_signal (name, generation, changed_at) VALUES ($1, 1, $2)
                ON CONFLICT (name) DO UPDATE SET generation = cluster_signal.generation + 1, changed_at = $2
                RETURNING generation""").execute(Tuple.of(name, OffsetDateTime.now(clock)))
                .invoke(rows -> seen.put(name, rows.iterator().next().getLong(0))).replaceWithVoid();
    }

    private void poll() {
        pool.query("SELECT name, generation, changed_at FROM cluster_signal").execute().subscribe().with(rows -> {
            for (Row row : rows) {
                String name = row.getString("name");
                long generation = row.getLong("generation");
                Long last = seen.put(name, generation);
                // Unknown until now: a change before this node started is already in the files it loaded.
                boolean moved = last == null ? row.getOffsetDateTime("changed_at").isAfter(started) : generation > last;
                Runnable follower = followers.get(name);
                if (moved && follower != null) {
                    Log.infof("%s were reloaded on another node: reloading them here", name);
                    Infrastructure.getDefaultWorkerPool().execute(follower);
                }
            }
        }, failure -> Log.debugf("cluster signals not read: %s", failure.getMessage()));
    }
}
