package io.airwarn.notify;

import static io.airwarn.platform.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.airwarn.platform.AppProcesses;
import io.airwarn.platform.AppProcesses.Instance;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * AirWarn as real processes sharing one PostgreSQL, with the sandbox gateway as a process of its own (started by the
 * packaged jar's {@code sandbox} command), whose record of what it received is the judge: a node killed with
 * kill -9 in the middle of a dispatch and restarted delivers every message exactly once, and messages wait out a
 * gateway outage and go out once when it returns. {@link TwoNodeFailoverIT} runs two nodes.
 */
class MultiProcessNotificationIT {

    private static SandboxCluster cluster;

    @BeforeAll
    static void startDatabaseAndSandbox() throws Exception {
        cluster = SandboxCluster.start("airwarn-multi");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aNodeKilledMidDispatchAndRestartedDeliversEveryMessageExactlyOnce() throws Exception {
        int messages = 6_000;
        int port = AppProcesses.freePort();
        long receivedAtKill;
        try (Instance node = AppProcesses.start(cluster.node(Map.of()), cluster.temp.resolve("crash-1.log"), port)) {
            cluster.execute("""
                        INSERT INTO outbox (idempotency_key, unit, recipient_type, recipient_id, phone, body, priority,
                                            exercise, valid_until)
                        SELECT 'crash-' || g, '220100', 'PUBLIC', 'crash-' || g, '+86139' || lpad(g::text, 8, '0'),
                               'AirWarn crash test ' || g, 2, false, now() + interval '1 hour'
                        FROM generate_series(1, %d) g""".formatted(messages));
            await("a quarter of the messages reach the gateway", Duration.ofSeconds(120),
                    () -> cluster.receivedCount() >= messages / 4);
            node.kill();
            receivedAtKill = cluster.receivedCount();
        }
        assertTrue(receivedAtKill < messages, "the node died mid-dispatch (" + receivedAtKill + " received)");
        long inFlight = cluster.count("SELECT count(*) FROM outbox WHERE idempotency_key LIKE 'crash-%' AND status = 'SENDING'");

        try (Instance again = AppProcesses.start(cluster.node(Map.of()), cluster.temp.resolve("crash-2.log"), port)) {
            await("every message settled after the restart", Duration.ofSeconds(240), () -> cluster.count(
                    "SELECT count(*) FROM outbox WHERE idempotency_key LIKE 'crash-%' AND status NOT IN "
                            + "('SENT', 'DELIVERED')") == 0);
            Map<String, Long> received = cluster.received();
            long ours = received.keySet().stream().filter(k -> k.contains("|AirWarn crash test ")).count();
            assertEquals(messages, ours, "every message reached the gateway");
            for (int i = 1; i <= messages; i++) {
                String key = String.format("+86139%08d|AirWarn crash test %d", i, i);
                assertEquals(1L, received.getOrDefault(key, 0L), key + " received exactly once (" + inFlight
                        + " were claimed but unsettled when the node died)");
            }
            System.out.printf("kill -9 after %d of %d messages reached the gateway, %d claimed but unsettled; "
                    + "after the restart each was received once%n", receivedAtKill, messages, inFlight);
            assertEquals(messages, cluster.count("SELECT count(DISTINCT provider_sid) FROM outbox WHERE idempotency_key LIKE "
                    + "'crash-%'"), "each message is settled with the gateway's own SID");
            again.stop();
        }
    }

    /**
     * The gateway is down for 12 s (real time), with the wait between tries capped at 0.5 s
     * (AIRWARN_TWILIO_MAX_BACKOFF) and the dispatcher running every 0.5 s: the ten-minute outage with the default
     * 5-minute cap, compressed. Messages valid for an hour wait, tried again and again, and go out exactly once when it
     * returns; messages whose validity (5 s) ends during the outage are cancelled, never sent. {@link RetryScheduleTest} proves the default schedule over ten minutes.
     */
    @Test
    void messagesWaitOutAGatewayOutageAndGoOutOnceWithinTheirValidity() throws Exception {
        int messages = 50;
        int shortLived = 10;
        Duration outage = Duration.ofSeconds(12);
        cluster.killSandbox();
        try (Instance node = AppProcesses.start(cluster.node(Map.of("AIRWARN_TWILIO_MAX_BACKOFF", "PT0.5S",
                "AIRWARN_DISPATCH_EVERY", "PT0.5S")),
                cluster.temp.resolve("outage.log"), 0)) {
            cluster.execute("""
                    INSERT INTO outbox (idempotency_key, unit, recipient_type, recipient_id, phone, body, priority,
                                        exercise, valid_until)
                    SELECT 'outage-' || g, '220100', 'PUBLIC', 'outage-' || g, '+86138' || lpad(g::text, 8, '0'),
                           'AirWarn outage test ' || g, 2, false,
                           now() + CASE WHEN g <= %d THEN interval '1 hour' ELSE interval '5 seconds' END
                    FROM generate_series(1, %d) g""".formatted(messages, messages + shortLived));
            // The outage counts from the queueing: a node slow to start (a busy machine) does not shorten it.
            Instant down = Instant.now();
            String waiting = "SELECT count(*) FROM outbox WHERE idempotency_key LIKE 'outage-%' AND valid_until > "
                    + "now() + interval '30 minutes' AND status IN ('RETRY', 'QUEUED', 'SENDING')";
            while (Duration.between(down, Instant.now()).compareTo(outage) < 0) {
                assertEquals(messages, cluster.count(waiting), "every message valid for an hour still waits");
                Thread.sleep(2_000);
            }
            long attempts = cluster.count("SELECT min(attempts) FROM outbox WHERE idempotency_key LIKE 'outage-%' "
                    + "AND valid_until > now() + interval '30 minutes'");
            assertTrue(attempts >= 10, "tried again and again during the outage: " + attempts + " attempts");
            assertEquals(shortLived, cluster.count("SELECT count(*) FROM outbox WHERE idempotency_key LIKE "
                    + "'outage-%' AND status IN ('CANCELLED', 'FAILED') AND error_message LIKE 'validity passed%'"),
                    "the messages whose validity ended are given up");

            cluster.startSandbox();
            Instant back = Instant.now();
            await("every valid message sent after the gateway returned", Duration.ofSeconds(120), () -> cluster.count(
                    "SELECT count(*) FROM outbox WHERE idempotency_key LIKE 'outage-%' AND status IN "
                            + "('SENT', 'DELIVERED')") == messages);
            Duration late = Duration.between(back, Instant.now());
            Map<String, Long> received = cluster.received();
            for (int i = 1; i <= messages + shortLived; i++) {
                String key = String.format("+86138%08d|AirWarn outage test %d", i, i);
                assertEquals(i <= messages ? 1L : 0L, received.getOrDefault(key, 0L), key);
            }
            System.out.printf("gateway down %s: %d messages waited (at least %d tries each) and went out %d s after "
                    + "it returned; %d short-lived ones cancelled%n", outage, messages, attempts, late.toSeconds(),
                    shortLived);
            node.stop();
        }
    }
}
