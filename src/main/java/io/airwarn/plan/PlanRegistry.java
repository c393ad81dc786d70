package io.airwarn.plan;

import io.airwarn.audit.AuditLog;
import io.airwarn.city.Cities;
import io.airwarn.cluster.ClusterSignals;
import io.airwarn.core.AirWarnConfig;
import io.airwarn.core.ConfigFiles;
import io.airwarn.core.WarningLevel;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads the plan folders at startup and on reload, validates them, stores each valid version with its checksum,
 * and serves the plans in use. Problems are logged and kept for the API.
 */
@ApplicationScoped
public class PlanRegistry {

    private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(2);
    private static final String SIGNAL = "contingency plans";

    private final Path directory;
    private final Cities cities;
    private final Map<WarningLevel, Double> minimumShare;
    private final PlanStore store;
    private final AuditLog auditLog;
    private final ClusterSignals signals;
    private volatile PlanCatalog catalog = new PlanCatalog();

    PlanRegistry(AirWarnConfig config, Cities cities, ConfigFiles files, PlanStore store, AuditLog auditLog,
                 ClusterSignals signals) {
        this.auditLog = auditLog;
        this.signals = signals;
        this.directory = Path.of(config.plansDir());
        this.cities = cities;
        this.minimumShare = files.read("emission-reduction.yaml", ReductionRequirements::read);
        this.store = store;
    }

    /** At startup: reads every plan folder and follows the other nodes' reloads. */
    public void loadAtStartup() {
        load(Optional.of("system")).await().atMost(LOAD_TIMEOUT);
        signals.follow(SIGNAL, () -> load(Optional.empty()).await().atMost(LOAD_TIMEOUT));
    }

    /**
     * Reads and validates every folder again on this node and tells the other nodes to do the same (blocking file
     * reads: call it off the event loop); every plan version put into use and every refused one is recorded in the
     * audit trail under {@code actor}.
     */
    public Uni<PlanCatalog> reload(String actor) {
        return load(Optional.of(actor)).call(catalog -> signals.raise(SIGNAL));
    }

    /** Reads the folders; audited under the actor when given (another node's reload was audited there). */
    private synchronized Uni<PlanCatalog> load(Optional<String> actor) {
        List<PlanFolders.Checked> checked = PlanFolders.check(directory, c -> cities.find(c).isPresent(), minimumShare);
        Map<String, Long> versionIds = new HashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (PlanFolders.Checked c : checked) {
            PlanReport r = c.report();
            if (r.valid()) {
                chain = chain.chain(() -> store.version(r).invoke(id -> versionIds.put(r.checksum(), id))
                        .replaceWithVoid());
            } else {
                Log.errorf("plan %s is invalid and not used (%d errors): %s", r.folder(), r.errors(),
                        r.problems().stream().limit(5).map(PlanProblem::toString).toList());
            }
        }
        return chain.chain(ignored -> {
            PlanCatalog before = catalog;
            PlanCatalog after = before.with(checked, versionIds);
            catalog = after;
            return actor.isEmpty() ? Uni.createFrom().item(after)
                    : audit(actor.get(), before, checked).map(done -> after);
        });
    }

    private Uni<Void> audit(String actor, PlanCatalog before, List<PlanFolders.Checked> checked) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (PlanFolders.Checked c : checked) {
            PlanReport r = c.report();
            String previous = r.unit() == null ? null
                    : before.plan(r.unit()).map(p -> p.report().checksum()).orElse(null);
            if (r.checksum().equals(previous)) {
                continue;
            }
            AuditLog.Entry entry = new AuditLog.Entry(actor, r.valid() ? "plan.load" : "plan.refused", "plan",
                    r.unit() == null ? r.folder() : r.unit(), previous, r.checksum(), r.valid() ? "version "
                    + r.version() : r.errors() + " errors; the previous version stays in use");
            chain = chain.chain(() -> auditLog.append(entry).replaceWithVoid());
        }
        return chain;
    }

    public PlanCatalog catalog() {
        return catalog;
    }

    public Map<WarningLevel, Double> minimumShare() {
        return minimumShare;
    }
}
