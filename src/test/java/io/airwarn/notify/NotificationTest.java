package io.airwarn.notify;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.airwarn.core.AirWarnConfig;
import io.airwarn.platform.Eventually;
import io.airwarn.platform.MovableClock;
import io.airwarn.warning.IssuedWarnings;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Messages through the outbox, the Twilio Java SDK and the sandbox gateway over HTTP, with signed status callbacks,
 * on real PostgreSQL. The dispatcher is started by the test (its timer is off in tests).
 */
@QuarkusTest
class NotificationTest {

    @Inject
    MovableClock clock;

    @AfterEach
    void timeAsItWas() {
        clock.reset();
    }


    @Inject
    Dispatcher dispatcher;

    @Inject
    SandboxGateway sandbox;

    @Inject
    Pool pool;

    @Inject
    AirWarnConfig config;

    @BeforeEach
    void reset() {
        // Other test classes leave messages queued; this class counts what reaches the gateway.
        pool.query("UPDATE outbox SET status = 'CANCELLED', error_message = 'test isolation' "
                + "WHERE status IN ('QUEUED', 'RETRY', 'SENDING', 'UNKNOWN')").execute().await().atMost(Duration.ofSeconds(10));
        sandbox.configure(SandboxGateway.Settings.DEFAULT);
        sandbox.clear();
    }

    private Row row(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).await().atMost(Duration.ofSeconds(10)).iterator()
                .next();
    }

    private long total(int warning, String status) {
        JsonPath d = given().auth().preemptive().basic("viewer", "viewer-demo").when()
                .get("/api/warnings/" + warning + "/delivery").then().statusCode(200).extract().jsonPath();
        long n = 0;
        for (String type : d.getMap("$").keySet().stream().map(Object::toString).toList()) {
            Integer count = d.get(type + ".byStatus." + status);
            n += count == null ? 0 : count;
        }
        return n;
    }

    @Test
    void anIssuedWarningsOrdersAreSentOnceAndDelivered() throws InterruptedException {
        int warning = IssuedWarnings.issue("220600", "YELLOW", "approver", 50);
        long queued = total(warning, "QUEUED");
        // 150 enterprises and 80 schools of the sample plan, and the units with YELLOW tasks.
        assertTrue(queued >= 230, "queued in the approval's transaction: " + queued);
        dispatcher.dispatchAll();
        assertEquals(queued, sandbox.received().size(), "the gateway's own record: each message once");
        // Rendered from config/messages.yaml: every message names its sender; orders ask for their reply code,
        // notices to enterprises that reduce voluntarily do not.
        List<String> others = sandbox.received().stream().map(m -> m.body()).filter(b -> !b.startsWith(
                "【白山市重污染天气应急指挥部】") || b.matches("(?s).*收到请回复A[0-9A-F]+$") == b.contains("自主减排"))
                .toList();
        assertEquals(List.of(), others);
        Eventually.await("every signed callback applied", Duration.ofSeconds(30),
                () -> total(warning, "DELIVERED") == queued);
        assertEquals(0, dispatcher.dispatchAll(), "nothing left to send");
        assertEquals(queued, sandbox.received().size());
    }

    @Test
    void permanentErrorsAreNotRetriedAndShowTheirCode() {
        long id = row("INSERT INTO outbox (idempotency_key, unit, recipient_type, recipient_id, phone, body, priority, "
                + "exercise, valid_until) VALUES ('test-permanent', '220600', 'SCHOOL', 'x', '+8612000000000', 'test', 0, "
                + "false, now() + interval '1 hour') RETURNING id").getLong(0);
        dispatcher.dispatchAll();
        dispatcher.dispatchAll();
        Row r = row("SELECT status, error_code, attempts FROM outbox WHERE id = $1", id);
        assertEquals("FAILED", r.getString(0));
        assertEquals(21211, r.getInteger(1));
        assertEquals(1, r.getInteger(2));
    }

    @Test
    void serverErrorsAreRetriedLaterWithinValidity() {
        long id = row("INSERT INTO outbox (idempotency_key, unit, recipient_type, recipient_id, phone, body, priority, "
                + "exercise, valid_until) VALUES ('test-retry', '220600', 'SCHOOL', 'y', '+8613912345678', 'retry me', 0, "
                + "false, now() + interval '1 hour') RETURNING id").getLong(0);
        sandbox.configure(new SandboxGateway.Settings(0, 0, 1.0, 0, 0, 0));
        dispatcher.dispatchAll();
        Row r = row("SELECT status, error_code FROM outbox WHERE id = $1", id);
        assertEquals("RETRY", r.getString(0));
        assertEquals(20500, r.getInteger(1));
        sandbox.configure(SandboxGateway.Settings.DEFAULT);
        row("UPDATE outbox SET next_attempt_at = now() WHERE id = $1 RETURNING id", id);
        dispatcher.dispatchAll();
        assertEquals("SENT", row("SELECT status FROM outbox WHERE id = $1", id).getString(0));
        assertEquals(1, sandbox.received().stream().filter(m -> m.body().equals("retry me")).count());
    }

    /**
     * 20 % server errors, 5 % timeouts after the gateway accepted the message (a second longer than the channel's
     * response timeout) and a 40/s limit the dispatcher's bursts run into: every valid message reaches the
     * gateway exactly once, and the invalid numbers fail with their code without being sent.
     */
    @Test
    void underServerErrorsTimeoutsAnd429sEveryMessageArrivesOnce() {
        pool.query("""
                INSERT INTO outbox (idempotency_key, unit, recipient_type, recipient_id, phone, body, priority,
                                    exercise, valid_until)
                SELECT 'mix-' || i, '220600', 'PUBLIC', 'mix-' || i,
                       CASE WHEN i <= 5 THEN '+8612000000000' ELSE '+8619' || lpad(i::text, 9, '0') END,
                       'failure mix ' || i, 40, false, now() + interval '1 hour'
                FROM generate_series(1, 200) i""").execute().await().atMost(Duration.ofSeconds(10));
        sandbox.configure(new SandboxGateway.Settings(0, 40, 0.2, 0.05,
                config.twilio().responseTimeout().plusSeconds(1).toMillis(), 0));
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(4));
        while (row("SELECT count(*) FROM outbox WHERE idempotency_key LIKE 'mix-%' AND status IN "
                + "('QUEUED', 'RETRY', 'SENDING', 'UNKNOWN')").getLong(0) > 0) {
            assertTrue(Instant.now().isBefore(giveUp), "every message settled within its validity");
            dispatcher.dispatchAll();
        }
        Map<String, Long> arrivals = sandbox.received().stream().filter(m -> m.body().startsWith("failure mix "))
                .collect(java.util.stream.Collectors.groupingBy(m -> m.body(), java.util.stream.Collectors.counting()));
        assertEquals(195, arrivals.size(), "every valid message arrived");
        assertEquals(Set.of(1L), Set.copyOf(arrivals.values()), "and none twice");
        assertEquals(5, row("SELECT count(*) FROM outbox WHERE idempotency_key LIKE 'mix-%' AND status = 'FAILED' "
                + "AND error_code = 21211").getLong(0), "the invalid numbers fail with their code");
        assertEquals(0, row("SELECT count(*) FROM outbox WHERE idempotency_key LIKE 'mix-%' AND status = 'FAILED' "
                + "AND error_code <> 21211").getLong(0));
    }

    @Test
    void expiredMessagesAreCancelledNotSent() {
        long id = row("INSERT INTO outbox (idempotency_key, unit, recipient_type, recipient_id, phone, body, priority, "
                + "exercise, valid_until) VALUES ('test-expired', '220600', 'SCHOOL', 'z', '+8613912345679', 'too late', 0, "
                + "false, now() + interval '1 minute') RETURNING id").getLong(0);
        clock.advance(Duration.ofMinutes(2));
        dispatcher.dispatchAll();
        assertEquals("CANCELLED", row("SELECT status FROM outbox WHERE id = $1", id).getString(0));
        assertTrue(sandbox.received().stream().noneMatch(m -> m.body().equals("too late")));
    }

    @Test
    void forgedUnsignedAndAlteredCallbacksAreRejected() {
        Map<String, String> params = Map.of("MessageSid", "SMforged", "MessageStatus", "delivered");
        given().contentType(ContentType.URLENC).formParams(params).when().post("/api/twilio/status").then()
                .statusCode(403).body("error", equalTo("invalid_signature"));
        given().contentType(ContentType.URLENC).formParams(params).header("X-Twilio-Signature", "bm90IGEgc2lnbmF0dXJl")
                .when().post("/api/twilio/status").then().statusCode(403);
        String base = "http://localhost:" + io.restassured.RestAssured.port + "/api/twilio/status";
        String signed = TwilioSignature.sign(config.twilio().authToken(), base, params);
        given().contentType(ContentType.URLENC).formParams(params).header("X-Twilio-Signature", signed)
                .when().post("/api/twilio/status").then().statusCode(200);
        given().contentType(ContentType.URLENC).formParams(Map.of("MessageSid", "SMforged", "MessageStatus", "failed"))
                .header("X-Twilio-Signature", signed).when().post("/api/twilio/status").then().statusCode(403);
        String wrongKey = TwilioSignature.sign("not-the-token", base, params);
        given().contentType(ContentType.URLENC).formParams(params).header("X-Twilio-Signature", wrongKey)
                .when().post("/api/twilio/status").then().statusCode(403);

        Map<String, String> badCode = Map.of("MessageSid", "SMforged", "MessageStatus", "failed", "ErrorCode", "abc");
        given().contentType(ContentType.URLENC).formParams(badCode)
                .header("X-Twilio-Signature", TwilioSignature.sign(config.twilio().authToken(), base, badCode))
                .when().post("/api/twilio/status").then().statusCode(400).body("error", equalTo("invalid_callback"))
                .body("message", containsString("ErrorCode"));
    }

    @Test
    void theSandboxsRecordIsForStaffAndItsSettingsForAdmins() {
        given().when().get("/sandbox/messages").then().statusCode(401);
        given().auth().preemptive().basic("enterprise", "enterprise-demo").when().get("/sandbox/messages").then()
                .statusCode(403);

        given().auth().preemptive().basic("viewer", "viewer-demo").when().get("/sandbox/messages").then()
                .statusCode(200);
        given().auth().preemptive().basic("viewer", "viewer-demo").contentType(ContentType.JSON).body("{}")
                .when().put("/sandbox/settings").then().statusCode(403);
        given().auth().preemptive().basic("viewer", "viewer-demo").when().post("/api/orders/A1/ack").then()
                .statusCode(403);
    }
}
