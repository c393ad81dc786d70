package io.airwarn.warning;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.airwarn.audit.AuditLog;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The audit chain in PostgreSQL: a changed, a deleted and an inserted record are each detected, then repaired. */
@QuarkusTest
class AuditChainTest {

    @Inject
    AuditLog audit;

    @Inject
    Pool pool;

    private void sql(String statement, Object... params) {
        pool.preparedQuery(statement).execute(Tuple.from(params)).await().atMost(Duration.ofSeconds(10));
    }

    private static io.restassured.response.ValidatableResponse verify() {
        return given().auth().preemptive().basic("approver", "approver-demo").when().get("/api/audit/verify").then()
                .statusCode(200);
    }

    @Test
    void tamperingIsDetected() {
        for (int i = 0; i < 3; i++) {
            audit.append(new AuditLog.Entry("test", "test.record", "test", "t" + i, null, "{\"n\": " + i + "}",
                    "audit test")).await().atMost(Duration.ofSeconds(10));
        }
        verify().body("intact", equalTo(true));
        long last = pool.query("SELECT max(seq) FROM audit_log").execute().await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
        long middle = last - 1;

        sql("UPDATE audit_log SET reason = 'rewritten' WHERE seq = $1", middle);
        verify().body("intact", equalTo(false)).body("firstBrokenSeq", equalTo((int) middle))
                .body("problem", containsString("changed"));
        sql("UPDATE audit_log SET reason = 'audit test' WHERE seq = $1", middle);
        verify().body("intact", equalTo(true));

        sql("CREATE TEMP TABLE saved AS SELECT * FROM audit_log WHERE seq = $1", middle);
        sql("DELETE FROM audit_log WHERE seq = $1", middle);
        verify().body("intact", equalTo(false)).body("firstBrokenSeq", equalTo((int) middle))
                .body("problem", containsString("missing"));
        sql("INSERT INTO audit_log SELECT * FROM saved");
        sql("DROP TABLE saved");
        verify().body("intact", equalTo(true));

        // An inserted record: shift the last one up and put a forged one in its place.
        sql("UPDATE audit_log SET seq = seq + 1 WHERE seq = $1", last);
        sql("INSERT INTO audit_log SELECT $1, at, 'intruder', action, entity, entity_id, before, after, reason, "
                + "prev_hash, hash FROM audit_log WHERE seq = $2", last, last + 1);
        verify().body("intact", equalTo(false)).body("firstBrokenSeq", equalTo((int) last));
        sql("DELETE FROM audit_log WHERE seq = $1", last);
        sql("UPDATE audit_log SET seq = seq - 1 WHERE seq = $1", last + 1);
        verify().body("intact", equalTo(true));
        assertTrue(last >= 3);
    }

    @Test
    void onlyApproversCommandersAndAdminsReadTheAudit() {
        given().auth().preemptive().basic("duty", "duty-demo").when().get("/api/audit").then().statusCode(403);
        given().auth().preemptive().basic("commander", "commander-demo").when().get("/api/audit").then()
                .statusCode(200);
        given().when().get("/api/audit/verify").then().statusCode(401);
    }
}
