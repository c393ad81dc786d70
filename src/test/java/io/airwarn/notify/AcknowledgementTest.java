package io.airwarn.notify;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.airwarn.core.AirWarnConfig;
import io.airwarn.platform.MovableClock;
import io.airwarn.warning.IssuedWarnings;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Acknowledgement by SMS reply and API, and escalation of silence that fires once even when run twice at once. */
@QuarkusTest
class AcknowledgementTest {

    @Inject
    Acknowledgements acknowledgements;

    @Inject
    Dispatcher dispatcher;

    @Inject
    SandboxGateway sandbox;

    @Inject
    Pool pool;

    @Inject
    AirWarnConfig config;

    @Inject
    MovableClock clock;

    @AfterEach
    void timeAsItWas() {
        clock.reset();
    }

    /** Orders at this escalation level silent past their deadline now: this test's and any other test's. */
    private long overdue(int level, String condition) {
        return row("SELECT count(*) FROM plan_order WHERE needs_ack AND acknowledged_at IS NULL AND status = 'OPEN' "
                + "AND escalates_order_id IS NULL AND escalation_level = $1 AND ack_deadline < $2 AND " + condition,
                level, OffsetDateTime.now(clock)).getLong(0);
    }

    private Row row(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).await().atMost(Duration.ofSeconds(10)).iterator()
                .next();
    }

    private void reply(String from, String body) {
        Map<String, String> params = Map.of("From", from, "To", "+15005550006", "Body", body, "MessageSid", "SMreply");
        String url = "http://localhost:" + RestAssured.port + "/api/twilio/inbound";
        given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParams(params)
                .header("X-Twilio-Signature", TwilioSignature.sign(config.twilio().authToken(), url, params))
                .when().post("/api/twilio/inbound").then().statusCode(200);
    }

    @Test
    void acknowledgedOrdersAreNotEscalatedAndSilenceEscalatesOnceThenToHq() {
        int warning = IssuedWarnings.issue("220581", "YELLOW", "approver", 30);
        long activation = row("SELECT activation_id FROM warning_event WHERE warning_id = $1 AND action = 'APPROVE'",
                warning).getLong(0);
        Row first = row("SELECT short_code, mobile FROM plan_order WHERE activation_id = $1 AND recipient_type = "
                + "'ENTERPRISE' AND needs_ack ORDER BY id LIMIT 1", activation);
        Row second = row("SELECT short_code, mobile FROM plan_order WHERE activation_id = $1 AND recipient_type = "
                + "'SCHOOL' AND needs_ack ORDER BY id LIMIT 1", activation);
        sandbox.clear();
        dispatcher.dispatchAll();
        assertTrue(sandbox.received().stream().anyMatch(m -> m.to().equals(first.getString(1))
                && m.body().contains("收到请回复" + first.getString(0))));

        reply("+8613900000000", first.getString(0));
        assertEquals(null, row("SELECT acknowledged_at FROM plan_order WHERE short_code = $1", first.getString(0))
                .getOffsetDateTime(0), "a code from another number acknowledges nothing");
        reply(first.getString(1), " " + first.getString(0).toLowerCase() + " ");
        given().auth().preemptive().basic("viewer", "viewer-demo").when().get("/api/orders/" + first.getString(0))
                .then().statusCode(200).body("channel", equalTo("SMS"));
        given().auth().preemptive().basic("duty", "duty-demo").when().post("/api/orders/" + second.getString(0) + "/ack")
                .then().statusCode(200).body("channel", equalTo("API")).body("acknowledgedBy", equalTo("duty"));

        long unacknowledged = row("SELECT count(*) FROM plan_order WHERE activation_id = $1 AND needs_ack AND "
                + "acknowledged_at IS NULL", activation).getLong(0);
        long withSupervisor = row("SELECT count(*) FROM plan_order WHERE activation_id = $1 AND needs_ack AND "
                + "acknowledged_at IS NULL AND supervisor_mobile IS NOT NULL", activation).getLong(0);
        assertEquals(0, overdue(0, "activation_id = " + activation), "nothing is overdue yet");
        clock.advance(config.ack().yellow().plusMinutes(1));
        assertEquals(unacknowledged, overdue(0, "activation_id = " + activation));
        long resends = overdue(0, "true");
        long escalations = overdue(0, "supervisor_mobile IS NOT NULL");
        // Two nodes at once: every order still escalates exactly once.
        List<Integer> counts = Uni.join().all(acknowledgements.escalate(), acknowledgements.escalate()).andFailFast()
                .await().atMost(Duration.ofSeconds(30));
        assertEquals(resends + escalations, (long) counts.get(0) + counts.get(1));
        assertTrue(withSupervisor > 0 && escalations >= withSupervisor, "this warning's orders escalate");
        assertEquals(0, (int) acknowledgements.escalate().await().atMost(Duration.ofSeconds(10)), "the second deadline has "
                + "not passed yet");
        assertEquals(0L, row("SELECT count(*) FROM outbox WHERE idempotency_key = $1",
                "order-" + row("SELECT id FROM plan_order WHERE short_code = $1", first.getString(0)).getLong(0)
                        + "-resend").getLong(0), "acknowledged orders are not resent");
        assertEquals(withSupervisor, row("SELECT count(*) FROM plan_order WHERE activation_id = $1 AND kind = "
                + "'ESCALATION' AND recipient_type = 'SUPERVISOR' AND needs_ack", activation).getLong(0),
                "each escalation is an order of its own");

        // The supervisor acknowledges an escalation by its own code; the recipient's later acknowledgement closes the
        // escalations about its order.
        Row escalation = row("""
                SELECT e.short_code, e.mobile, o.short_code, o.mobile FROM plan_order e
                JOIN plan_order o ON o.id = e.escalates_order_id WHERE e.activation_id = $1 ORDER BY e.id LIMIT 1""",
                activation);
        dispatcher.dispatchAll();
        assertTrue(sandbox.received().stream().anyMatch(m -> m.to().equals(escalation.getString(1))
                && m.body().contains(escalation.getString(2)) && m.body().contains("收到请回复" + escalation.getString(0))),
                "the escalation names the silent order and its own reply code");
        reply(escalation.getString(1), escalation.getString(0));
        given().auth().preemptive().basic("viewer", "viewer-demo").when().get("/api/orders/" + escalation.getString(0))
                .then().statusCode(200).body("channel", equalTo("SMS")).body("escalates", equalTo(escalation.getString(2)))
                .body("recipientType", equalTo("SUPERVISOR"));
        Row other = row("""
                SELECT o.short_code, o.mobile, e.id FROM plan_order e JOIN plan_order o ON o.id = e.escalates_order_id
                WHERE e.activation_id = $1 AND e.acknowledged_at IS NULL AND o.recipient_type = 'ENTERPRISE'
                ORDER BY e.id LIMIT 1""", activation);
        reply(other.getString(1), other.getString(0));
        assertEquals("CLOSED", row("SELECT status FROM plan_order WHERE id = $1", other.getLong(2)).getString(0));
        long stillSilent = unacknowledged - 1;

        clock.advance(config.ack().yellow().plusMinutes(1));
        assertEquals(stillSilent, overdue(1, "activation_id = " + activation + " AND hq_mobile IS NOT NULL"));
        long hqAlerts = overdue(1, "hq_mobile IS NOT NULL");
        assertEquals(hqAlerts, (long) acknowledgements.escalate().await().atMost(Duration.ofSeconds(10)),
                "one HQ alert per order still silent");
        dispatcher.dispatchAll();
        given().auth().preemptive().basic("viewer", "viewer-demo").when().get("/api/warnings/" + warning + "/delivery")
                .then().statusCode(200).body("ENTERPRISE.acknowledged", equalTo(2))
                .body("SCHOOL.acknowledged", equalTo(1)).body("SUPERVISOR.acknowledged", equalTo(1))
                .body("HQ.total", equalTo((int) stillSilent));
    }
}
