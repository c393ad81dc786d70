package io.airwarn.audit;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Appends audit records in the transaction of the decision they record, so a decision and its record commit
 * together. Appends are serialised by a transaction lock to keep the chain linear across nodes.
 */
@ApplicationScoped
public class AuditLog {

    private final Pool pool;
    private final Clock clock;

    AuditLog(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
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
                    String hash = AuditChain.hash(prev, seq, at, e.actor(), e.action(), e.entity(), e.entityId(),
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
        return pool.query("SELECT seq, at, actor, action, entity, entity_id, before, after, reason, prev_hash, hash "
                + "FROM audit_log ORDER BY seq").execute().map(rows -> {
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
