package io.airwarn.audit;

import io.airwarn.core.AirWarnConfig;
import io.airwarn.core.StateMetrics;
import io.airwarn.core.StateMetrics.Sample;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The audit chain verified by every node every {@code AIRWARN_METRICS_AUDIT_EVERY} (the whole chain, so not at every
 * gauge refresh): whether it held ({@code airwarn_audit_chain_valid}) and when it was last verified.
 */
@Startup(Interceptor.Priority.APPLICATION)
@ApplicationScoped
class AuditMetrics {

    private final AuditLog log;
    private final Clock clock;
    private final Duration every;
    private volatile Instant verifiedAt;
    private volatile boolean valid;

    AuditMetrics(AuditLog log, Clock clock, StateMetrics state, AirWarnConfig config) {
        this.log = log;
        this.clock = clock;
        this.every = config.metrics().auditEvery();
        state.gauge("airwarn.audit.chain.valid", "1 when the whole audit chain verified at its last check, else 0",
                null, () -> verifiedIfDue().map(ignored -> List.of(Sample.of(valid ? 1 : 0))));
        state.gauge("airwarn.audit.chain.last.verified.timestamp", "When the audit chain was last verified",
                "seconds", () -> verifiedIfDue().map(ignored -> verifiedAt == null ? List.of()
                        : List.of(Sample.of(verifiedAt.getEpochSecond()))));
    }

    private Uni<Void> verifiedIfDue() {
        Instant now = clock.instant();
        if (verifiedAt != null && verifiedAt.plus(every).isAfter(now)) {
            return Uni.createFrom().voidItem();
        }
        return log.all().invoke(records -> {
            var broken = log.verify(records);
            broken.ifPresent(b -> Log.errorf("the audit chain is broken at record %d: %s", b.seq(), b.problem()));
            valid = broken.isEmpty();
            verifiedAt = now;
        }).replaceWithVoid();
    }
}
