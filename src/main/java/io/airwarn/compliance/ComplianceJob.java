package io.airwarn.compliance;

import io.airwarn.cluster.ScheduledRuns;
import io.airwarn.core.AirWarnConfig;
import io.airwarn.plan.ResponseRecords;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Every hour (a few minutes past, when the devices have sent the hour that ended): hours sent only as minutes are
 * made from them, the warnings in response are checked, enterprises short of their cut get their enforcement task,
 * and minute data past their days are dropped.
 * On one node of the cluster per firing (Quartz).
 */
@ApplicationScoped
class ComplianceJob {

    private final ComplianceService compliance;
    private final ResponseRecords records;
    private final StackData data;
    private final ScheduledRuns runs;
    private final Clock clock;
    private final int minuteDays;

    ComplianceJob(ComplianceService compliance, ResponseRecords records, StackData data, ScheduledRuns runs,
                  Clock clock, AirWarnConfig config) {
        this.compliance = compliance;
        this.records = records;
        this.data = data;
        this.runs = runs;
        this.clock = clock;
        this.minuteDays = config.hj212().minuteDays();
    }

    @Scheduled(identity = ScheduledRuns.COMPLIANCE_JOB, cron = "{airwarn.hj212.check-cron}",
            timeZone = "Asia/Shanghai", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run(ScheduledExecution execution) {
        runs.run(ScheduledRuns.COMPLIANCE_JOB, execution, this::checkAll);
    }

    /**
     * Makes the last day's hours that devices sent only as minutes, then checks every warning in response; returns
     * what it did, for the run's record.
     */
    Uni<String> checkAll() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return data.hoursFromMinutes(now.minusDays(1), now).chain(derived -> records.warningsInResponse()
                .chain(ids -> {
            Uni<Integer> tasks = Uni.createFrom().item(0);
            for (long id : ids) {
                tasks = tasks.chain(n -> compliance.enforce(id).map(made -> n + made));
            }
            return tasks.chain(n -> data.pruneMinutes(now.minusDays(minuteDays))
                    .map(pruned -> derived + " hourly value(s) made from minutes, " + ids.size()
                            + " warning(s) checked, " + n + " enforcement task(s), " + pruned
                            + " minute value(s) dropped"));
        }));
    }
}
