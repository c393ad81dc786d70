package io.airwarn.warning;

import io.airwarn.cluster.ScheduledRuns;
import io.airwarn.core.AirWarnConfig;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A warning never silently expires: once its expected end has passed without a decision, a reminder is recorded in
 * its history for the duty officers, and repeated every interval until someone extends, changes or lifts it.
 * Runs on the clustered Quartz store, so one node records each reminder.
 */
@ApplicationScoped
class WarningReminders {

    static final String ACTION = "REMINDER";
    static final String IDENTITY = ScheduledRuns.REMINDER_JOB;

    private final Pool pool;
    private final Clock clock;
    private final Duration every;
    private final ScheduledRuns runs;

    WarningReminders(Pool pool, Clock clock, AirWarnConfig config, ScheduledRuns runs) {
        this.pool = pool;
        this.clock = clock;
        this.runs = runs;
        this.every = Duration.parse("PT" + config.warningReminderEvery().toUpperCase());
    }

    @Scheduled(identity = IDENTITY, every = "{airwarn.warning-reminder-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run(ScheduledExecution execution) {
        runs.run(IDENTITY, execution, () -> remind().map(n -> {
            if (n > 0) {
                Log.warnf("%d warning(s) passed their expected end without a decision; duty officers reminded", n);
            }
            return n + " reminded";
        }));
    }

    /** Records a reminder on each overdue warning not reminded within the interval; returns how many. */
    Uni<Integer> remind() {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return pool.preparedQuery("""
                INSERT INTO warning_event (warning_id, actor, action, from_state, to_state, level, note, at)
                SELECT w.id, 'system', 'REMINDER', w.state, w.state, w.issued_level,
                       'expected end ' || to_char(w.expected_end AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI')
                       || ' has passed without a decision: extend, change or lift the warning', $1
                FROM warning w
                WHERE w.state IN ('ISSUED', 'CHANGE_SUBMITTED') AND w.expected_end < $1
                  AND NOT EXISTS (SELECT 1 FROM warning_event e WHERE e.warning_id = w.id
                                  AND (e.action <> 'REMINDER' AND e.at > w.expected_end
                                       OR e.action = 'REMINDER' AND e.at > $2))""")
                .execute(Tuple.of(now, now.minus(every))).map(rows -> rows.rowCount());
    }
}
