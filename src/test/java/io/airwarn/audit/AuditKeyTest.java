package io.airwarn.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The chain is keyed: whoever can write the database but lacks the installation's key cannot rewrite a record and
 * recompute the hashes after it. A chain written before the key existed is sealed under the key once.
 */
@QuarkusTest
class AuditKeyTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    AuditLog audit;

    @Inject
    Pool pool;

    private static void assertIntact(boolean intact) {
        given().auth().preemptive().basic("approver", "approver-demo").when().get("/api/audit/verify").then()
                .statusCode(200).body("intact", equalTo(intact));
    }

    /** Rewrites the stored chain as someone without the key would: plain SHA-256, one reason optionally changed. */
    private void rewriteUnkeyed(long changedSeq) {
        List<Tuple> rows = new ArrayList<>();
        String prev = AuditChain.GENESIS;
        for (AuditRecord r : audit.all().await().atMost(WAIT)) {
            String reason = r.seq() == changedSeq ? "rewritten by an intruder" : r.reason();
            String hash = AuditChain.UNKEYED.hash(prev, r.seq(), r.at(), r.actor(), r.action(), r.entity(),
                    r.entityId(), r.before(), r.after(), reason);
            rows.add(Tuple.tuple(Arrays.asList(reason, prev, hash, r.seq())));
            prev = hash;
        }
        pool.preparedQuery("UPDATE audit_log SET reason = $1, prev_hash = $2, hash = $3 WHERE seq = $4")
                .executeBatch(rows).await().atMost(WAIT);
    }

    @Test
    void aChainRecomputedWithoutTheKeyIsDetectedAndAnOldUnkeyedChainIsSealedOnce() {
        audit.append(new AuditLog.Entry("test", "test.keyed", "test", "k1", null, "{}", "original"))
                .await().atMost(WAIT);
        List<AuditRecord> before = audit.all().await().atMost(WAIT);
        long last = before.get(before.size() - 1).seq();
        assertIntact(true);

        rewriteUnkeyed(last);
        assertIntact(false);

        // The original reason back, still unkeyed: what an installation from before the key holds.
        pool.preparedQuery("UPDATE audit_log SET reason = $1 WHERE seq = $2").execute(Tuple.of("original", last))
                .await().atMost(WAIT);
        rewriteUnkeyed(-1);
        assertIntact(false);
        assertEquals(before.size(), audit.sealUnkeyedChain().await().atMost(WAIT));
        assertIntact(true);
        assertEquals(0, audit.sealUnkeyedChain().await().atMost(WAIT), "a keyed chain is left alone");
        assertEquals(before.stream().map(AuditRecord::hash).toList(),
                audit.all().await().atMost(WAIT).stream().map(AuditRecord::hash).toList(),
                "sealing reproduces the keyed hashes exactly");
    }
}
