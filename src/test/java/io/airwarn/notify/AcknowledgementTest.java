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
    void silenceEscalatesOnceAsOneDigestPerSupervisorPerRoundThenToHq() {
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
        OffsetDateTime round = OffsetDateTime.now(clock);
        // Two nodes at once: every order still escalates exactly once.
        List<Integer> counts = Uni.join().all(acknowledgements.escalate(), acknowledgements.escalate()).andFailFast()
                .await().atMost(Duration.ofSeconds(30));
        long digests = row("SELECT count(*) FROM escalation_digest WHERE created_at >= $1", round).getLong(0);
        assertEquals(resends + digests, (long) counts.get(0) + counts.get(1), "the resends and one digest per "
                + "supervisor");
        assertEquals(0, (int) acknowledgements.escalate().await().atMost(Duration.ofSeconds(10)), "the second deadline has "
                + "not passed yet");
        assertEquals(0L, row("SELECT count(*) FROM outbox WHERE idempotency_key = $1",
                "order-" + row("SELECT id FROM plan_order WHERE short_code = $1", first.getString(0)).getLong(0)
                        + "-resend").getLong(0), "acknowledged orders are not resent");
        assertTrue(withSupervisor > 0, "this warning's orders have supervisors");
        assertEquals(withSupervisor, row("SELECT count(*) FROM plan_order WHERE activation_id = $1 AND kind = "
                + "'ESCALATION' AND recipient_type = 'SUPERVISOR' AND needs_ack", activation).getLong(0),
                "each silent order is escalated, on the supervisor's list");

        // One digest per supervisor per round, however many of its recipients are silent: it counts them and its
        // code acknowledges all of them.
        dispatcher.dispatchAll();
        Row digest = row("""
                SELECT d.code, d.mobile, d.enterprises + d.schools + d.units, count(e.id) FROM escalation_digest d
                JOIN plan_order e ON e.digest_id = d.id WHERE e.activation_id = $1
                GROUP BY d.id ORDER BY count(e.id) DESC LIMIT 1""", activation);
        assertTrue(digest.getLong(3) > 1, "a supervisor with several silent recipients: " + digest.getLong(3));
        assertEquals(digest.getLong(3), digest.getLong(2), "the digest counts its escalations");
        assertEquals(0L, row("""
                SELECT count(*) FROM (SELECT mobile FROM escalation_digest WHERE created_at >= $1 GROUP BY mobile
                HAVING count(*) > 1) twice""", round).getLong(0), "no supervisor gets two digests in a round");
        List<String> toSupervisor = sandbox.received().stream().filter(m -> m.to().equals(digest.getString(1)))
                .map(m -> m.body()).toList();
        assertEquals(1, toSupervisor.size(), "one SMS to the supervisor: " + toSupervisor);
        assertTrue(toSupervisor.get(0).contains("督办") && toSupervisor.get(0).contains("收到请回复"
                + digest.getString(0)) && toSupervisor.get(0).contains("未确认"), toSupervisor.get(0));
        reply(digest.getString(1), digest.getString(0));
        assertEquals(digest.getLong(3), row("SELECT count(*) FROM plan_order e JOIN escalation_digest d ON "
                + "d.id = e.digest_id WHERE d.code = $1 AND e.ack_channel = 'SMS'", digest.getString(0)).getLong(0),
                "the digest's code acknowledges every escalation it announced");

        // The recipient's own acknowledgement closes the escalations about its order.
        Row other = row("""
                SELECT o.short_code, o.mobile, e.id FROM plan_order e JOIN plan_order o ON o.id = e.escalates_order_id
                WHERE e.activation_id = $1 AND o.recipient_type = 'ENTERPRISE' ORDER BY e.id LIMIT 1""", activation);
        reply(other.getString(1), other.getString(0));
        assertEquals("CLOSED", row("SELECT status FROM plan_order WHERE id = $1", other.getLong(2)).getString(0));
        long stillSilent = unacknowledged - 1;

        clock.advance(config.ack().yellow().plusMinutes(1));
        assertEquals(stillSilent, overdue(1, "activation_id = " + activation + " AND hq_mobile IS NOT NULL"));
        OffsetDateTime secondRound = OffsetDateTime.now(clock);
        int hqDigests = acknowledgements.escalate().await().atMost(Duration.ofSeconds(10));
        assertEquals(row("SELECT count(*) FROM escalation_digest WHERE created_at >= $1 AND recipient_type = 'HQ'",
                secondRound).getLong(0), (long) hqDigests, "one digest per HQ office");
        dispatcher.dispatchAll();
        given().auth().preemptive().basic("viewer", "viewer-demo").when().get("/api/warnings/" + warning + "/delivery")
                .then().statusCode(200).body("ENTERPRISE.acknowledged", equalTo(2))
                .body("SCHOOL.acknowledged", equalTo(1))
                .body("SUPERVISOR.acknowledged", equalTo(digest.getLong(3).intValue()))
                .body("HQ.total", equalTo(1)).body("HQ.escalated", equalTo(0));
    }
}
