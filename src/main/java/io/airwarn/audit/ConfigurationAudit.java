package io.airwarn.audit;

import io.airwarn.core.ConfigFiles;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;

/** At startup, records in the audit trail each configuration file whose content differs from the last one audited. */
@ApplicationScoped
public class ConfigurationAudit {

    static final List<String> FILES = List.of("cities.yaml", "aqi-standards.yaml", "emission-reduction.yaml",
            "warning-criteria.yaml", "warning-approval.yaml");

    private final ConfigFiles files;
    private final AuditLog audit;
    private final Pool pool;

    ConfigurationAudit(ConfigFiles files, AuditLog audit, Pool pool) {
        this.files = files;
        this.audit = audit;
        this.pool = pool;
    }

    /** At startup: records each configuration file whose checksum changed since the last start. */
    public void recordAtStartup() {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String file : FILES) {
            String checksum = files.checksum(file);
            chain = chain.chain(() -> pool.preparedQuery("SELECT after FROM audit_log WHERE entity = 'config' AND "
                            + "entity_id = $1 ORDER BY seq DESC LIMIT 1").execute(Tuple.of(file))
                    .chain(rows -> {
                        String previous = rows.iterator().hasNext() ? rows.iterator().next().getString(0) : null;
                        return checksum.equals(previous) ? Uni.createFrom().voidItem()
                                : audit.append(new AuditLog.Entry("system", "config.load", "config", file, previous,
                                        checksum, "configuration read at startup")).replaceWithVoid();
                    }));
        }
        chain.await().atMost(Duration.ofMinutes(1));
    }
}
