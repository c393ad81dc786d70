package io.airwarn.audit;

import io.airwarn.core.AirWarnConfig;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Appends audit records in the transaction of the decision they record, so a decision and its record commit
 * together. Appends are serialised by a transaction lock to keep the chain linear across nodes.
 */
@ApplicationScoped
public class AuditLog {

    private static final String COLUMNS = "SELECT seq, at, actor, action, entity, entity_id, before, after, reason, "
            + "prev_hash, hash FROM audit_log ";
    private static final String ALL = COLUMNS + "ORDER BY seq";
    private static final String NEWEST = COLUMNS + "ORDER BY seq DESC LIMIT 1";

    private final Pool pool;
    private final Clock clock;
    private final AuditChain chain;
    /**
     * Whether an unkeyed chain may be sealed at startup: only when this installation's key is new (the upgrade to a
     * keyed chain), or the operator says so. Otherwise someone who rewrote the chain without the key would get it
     * sealed by the next restart.
     */
    private final boolean sealUnkeyed;

    AuditLog(Pool pool, Clock clock, AirWarnConfig config) {
        this.sealUnkeyed = config.audit().sealUnkeyed();
        this.pool = pool;
        this.clock = clock;
        this.chain = AuditChain.keyed(config.audit().key().getBytes(StandardCharsets.UTF_8));
    }

    /** The first broken link of the stored chain under this installation's key, or empty when it holds. */
    public Optional<AuditChain.Break> verify(List<AuditRecord> records) {
        return chain.verify(records);
    }

    /**
     * A chain written before the audit key existed is re-sealed under the key once, if it is intact; a broken one is
     * left as it is, for verification to report. Runs under the append lock, so no record is added meanwhile.
     */
    Uni<Integer> sealUnkeyedChain() {
        return pool.withTransaction(c -> c.query("SELECT pg_advisory_xact_lock(hashtext('airwarn-audit'))").execute()
                .chain(() -> c.query(ALL).execute()).chain(rows -> {
                    List<AuditRecord> records = new ArrayList<>();
                    rows.forEach(r -> records.add(record(r)));
                    if (records.isEmpty() || chain.verify(records.subList(0, 1)).isEmpty()
                            || AuditChain.UNKEYED.verify(records).isPresent()) {
                        return Uni.createFrom().item(0);
                    }
                    List<Tuple> sealed = new ArrayList<>();
                    String prev = AuditChain.GENESIS;
                    for (AuditRecord r : records) {
                        String hash = chain.hash(prev, r.seq(), r.at(), r.actor(), r.action(), r.entity(),
                                r.entityId(), r.before(), r.after(), r.reason());
                        sealed.add(Tuple.of(prev, hash, r.seq()));
                        prev = hash;
                    }
                    return c.preparedQuery("UPDATE audit_log SET prev_hash = $1, hash = $2 WHERE seq = $3")
                            .executeBatch(sealed).map(ignored -> records.size());
                }));
    }

    /** At startup: seals a chain written before the audit key (once, when allowed) and checks the newest record. */
    public void checkAtStartup() {
        int sealed = sealUnkeyed ? sealUnkeyedChain().await().indefinitely() : 0;
        if (sealed > 0) {
            Log.infof("the audit chain's %d records written before the audit key were verified and sealed under it",
                    sealed);
            append(new Entry("system", "audit.sealed", "audit_log", "1.." + sealed, null, null,
                    "records verified under plain SHA-256 and re-sealed with the installation's audit key"))
                    .await().indefinitely();
        }
        newestNotUnderThisKey().subscribe().with(seq -> seq.ifPresent(s -> Log.errorf(
                "the newest audit record (%d) does not verify under this node's key. Nodes on one database need the "
                        + "same AIRWARN_AUDIT_KEY.", s)));
    }

    /**
     * The newest record's number if its hash is not this node's: a node with another key would extend the chain with
     * records no one else can verify. One record suffices to tell; the whole chain is /api/audit/verify's work.
     */
    private Uni<Optional<Long>> newestNotUnderThisKey() {
        return pool.query(NEWEST).execute().map(rows -> {
            if (!rows.iterator().hasNext()) {
                return Optional.empty();
            }
            AuditRecord r = record(rows.iterator().next());
            String hash = chain.hash(r.prevHash(), r.seq(), r.at(), r.actor(), r.action(), r.entity(), r.entityId(),
                    r.before(), r.after(), r.reason());
            return hash.equals(r.hash()) ? Optional.empty() : Optional.of(r.seq());
        });
    }

    /** What to record. */
    public record Entry(String actor, String action, String entity, String entityId, String before, String after,
                        String reason) {
    }

    public Uni<AuditRecord> append(SqlConnection c, Entry e) {
        // PostgreSQL keeps microseconds; the hash must cover exactly what is stored.
        OffsetDateTime at = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        return c.query("SELECT pg_advisory_xact_lock(hashtext('airwarn-audit'))").execute()
                .chain(() -> c.query("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").execute())
                .chain(rows -> {
                    long seq = rows.iterator().hasNext() ? rows.iterator().next().getLong(0) + 1 : 1;
                    String prev = rows.iterator().hasNext() ? rows.iterator().next().getString(1) : AuditChain.GENESIS;
                    String hash = chain.hash(prev, seq, at, e.actor(), e.action(), e.entity(), e.entityId(),
                            e.before(), e.after(), e.reason());
                    AuditRecord record = new AuditRecord(seq, at, e.actor(), e.action(), e.entity(), e.entityId(),
                            e.before(), e.after(), e.reason(), prev, hash);
                    return c.preparedQuery("INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, before, "
                                    + "after, reason, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)")
                            .execute(Tuple.tuple(Arrays.asList(seq, at, e.actor(), e.action(), e.entity(),
                                    e.entityId(), e.before(), e.after(), e.reason(), prev, hash)))
                            .map(ignored -> record);
                });
    }

    /** Appends in a transaction of its own (changes that are not part of a larger one). */
    public Uni<AuditRecord> append(Entry e) {
        return pool.withTransaction(c -> append(c, e));
    }

    public Uni<List<AuditRecord>> all() {
        return pool.query(ALL).execute().map(rows -> {
                    List<AuditRecord> list = new ArrayList<>();
                    rows.forEach(r -> list.add(record(r)));
                    return list;
                });
    }

    private static AuditRecord record(Row r) {
        return new AuditRecord(r.getLong(0), r.getOffsetDateTime(1), r.getString(2), r.getString(3), r.getString(4),
                r.getString(5), r.getString(6), r.getString(7), r.getString(8), r.getString(9), r.getString(10));
    }
}
