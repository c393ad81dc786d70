package io.airwarn.notify;

import static io.airwarn.platform.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.airwarn.platform.AppProcesses;
import io.airwarn.platform.AppProcesses.Instance;
import io.airwarn.warning.IssuedWarnings;
import io.restassured.RestAssured;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two AirWarn nodes on one PostgreSQL, as behind a load balancer: red warnings for five units are issued through both,
 * and the node running the dispatch is killed with kill -9 when a quarter of the messages have reached the gateway.
 * The other node finishes: every message reaches the gateway exactly once, every silent order is escalated exactly
 * once to the supervisor and once to headquarters, each firing of the scheduled jobs ran once, and the audit chain is
 * intact. Before that, a reload of plans and models on one node reaches the other.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeFailoverIT {

    private static final List<String> JOBS = List.of("forecast-run", "warning-reminders");
    /**
     * Four smaller units, then Jilin city: about 4,200 messages, Jilin's 1,200 orders still going out when the
     * warnings are issued, so the kill lands mid-dispatch. The province-wide
     * scale is NodeScalingBenchmarkIT's (mvn verify -Pbench).
     */
    private static final List<String> RED_UNITS = List.of("220300", "220400", "220500", "220600", "220200");

    private static final Instant START = Instant.now();
    private static SandboxCluster cluster;
    private static Instance a;
    private static Instance b;
    private static Path plans;
    private static Path models;
    private static long up;

    /** Both nodes share the database, the gateway, and folders of plans and forecast models. */
    @BeforeAll
    static void startTwoNodes() throws Exception {
        cluster = SandboxCluster.start("airwarn-two-nodes");
        plans = cluster.temp.resolve("plans");
        models = Files.createDirectories(cluster.temp.resolve("models"));
        copy(Path.of("contingency-plans"), plans);
        Files.copy(Path.of("forecast-models/default.yaml"), models.resolve("default.yaml"));
        // 1,000 messages a second: with escalations as digests the episode has fewer messages, and the dispatch must
        // still be running when a node doing it is killed.
        Map<String, String> common = Map.of(
                "AIRWARN_TWILIO_RATE", "1000",
                "AIRWARN_ESCALATION_EVERY", "1s",
                "AIRWARN_ACK_RED", "PT6S",
                "AIRWARN_FORECAST_CRON", "0/3 * * * * ?",
                "AIRWARN_WARNING_REMINDER_EVERY", "3s",
                "AIRWARN_PLANS_DIR", plans.toString(),
                "AIRWARN_FORECAST_MODELS_DIR", models.toString(),
                "AIRWARN_CLUSTER_POLL", "PT1S");
        a = AppProcesses.start(env(cluster, common, "node-a"), cluster.temp.resolve("node-a.log"), 0);
        b = AppProcesses.start(env(cluster, common, "node-b"), cluster.temp.resolve("node-b.log"), 0);
        up = Duration.between(START, Instant.now()).toSeconds();
    }

    @AfterAll
    static void stop() throws Exception {
        for (Instance node : new Instance[] {a, b}) {
            if (node != null) {
                node.close();
            }
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(2)
    void theSurvivingNodeFinishesARedEpisodeExactlyOnce() throws Exception {
        Map<String, Instance> nodes = new HashMap<>();
        nodes.put("node-a", a);
        nodes.put("node-b", b);
        List<Long> activations = issueRed(cluster, a, b);
        long issued = Duration.between(START, Instant.now()).toSeconds();
        String in = "(" + String.join(",", activations.stream().map(String::valueOf).toList()) + ")";
        long silent = cluster.count("SELECT count(*) FROM plan_order WHERE activation_id IN " + in
                + " AND needs_ack AND escalates_order_id IS NULL");
        assertTrue(silent > 1000, "orders to escalate: " + silent);
        // Each order's message and one resend per silent order; the escalations come as digests, one per contact and
        // round, on top.
        long messages = silent * 2 + cluster.count("SELECT count(*) FROM plan_order WHERE activation_id IN "
                + in + " AND escalates_order_id IS NULL AND mobile IS NOT NULL AND NOT needs_ack");
        await("a quarter of the messages reach the gateway", Duration.ofSeconds(180),
                () -> cluster.receivedCount() >= messages / 4);
        String dispatching = dispatchingNode(cluster);
        Instance victim = nodes.get(dispatching);
        victim.kill();
        OffsetDateTime killedAt = OffsetDateTime.now();
        long receivedAtKill = cluster.receivedCount();
        Instance survivor = victim == a ? b : a;
        String survivorName = victim == a ? "node-b" : "node-a";
        assertTrue(receivedAtKill < messages, "killed mid-dispatch: " + receivedAtKill + " of " + messages);

        await("every silent order escalated to headquarters and every message sent", Duration.ofSeconds(420),
                () -> cluster.count("SELECT count(*) FROM plan_order WHERE activation_id IN " + in
                        + " AND needs_ack AND escalates_order_id IS NULL AND escalation_level = 2") == silent
                        && cluster.count("SELECT count(*) FROM outbox x JOIN plan_order o ON o.id = x.order_id"
                        + " WHERE o.activation_id IN " + in + " AND x.status NOT IN ('SENT', 'DELIVERED')")
                        == 0 && cluster.count("SELECT count(*) FROM outbox WHERE idempotency_key LIKE 'digest-%'"
                        + " AND status NOT IN ('SENT', 'DELIVERED')") == 0);
        System.out.printf("two nodes, RED in %d units: %s killed with kill -9 after %d of %d messages "
                + "reached the gateway; %s finished%n", RED_UNITS.size(), dispatching, receivedAtKill, messages,
                survivorName);
        System.out.printf("timeline: nodes up after %d s, warnings issued at %d s, kill at %d s, all sent "
                + "and escalated at %d s%n", up, issued, Duration.between(START, killedAt.toInstant())
                .toSeconds(), Duration.between(START, Instant.now()).toSeconds());

        assertEscalatedOnce(cluster, in, messages);
        assertEachMessageReceivedOnce(cluster, in);
        assertEachFiringRanOnce(cluster, dispatching, survivorName, killedAt);
        assertEquals(0, cluster.count("SELECT count(*) FROM (SELECT fire_time FROM scheduled_run WHERE job = "
                + "'outbox-dispatch' AND finished_at IS NOT NULL GROUP BY fire_time HAVING count(*) > 1) d"),
                "no dispatch round ran twice");
        assertTrue(cluster.count("SELECT count(*) FROM scheduled_run WHERE job = 'outbox-dispatch' AND node = ? "
                + "AND started_at > ? AND outcome LIKE '% settled'", survivorName, killedAt) > 0,
                "the survivor's dispatch rounds are recorded");
        String runs = get(survivor, "/api/scheduled-runs?job=forecast-run&limit=3", "viewer");
        assertTrue(runs.contains("\"node\":\"" + survivorName + "\"") && runs.contains("\"finishedAt\""),
                runs);
        assertAuditChainIntact(survivor);
        assertFalse(victim.process().isAlive());
    }

    /**
     * Plans and forecast models live in each node's memory, read from folders the nodes share: a reload on one node
     * reaches the other, and is audited once.
     */
    @Test
    @Order(1)
    void aReloadOnOneNodeReachesTheOther() throws Exception {
        assertTrue(get(b, "/api/plans/220581", "duty").contains("\"2026.1-sample\""));
        assertFalse(get(b, "/api/forecast/models", "duty").contains("\"220581\""));
        Path plan = plans.resolve("220581-meihekou/plan.yaml");
        Files.writeString(plan, Files.readString(plan).replace("version: \"2026.1-sample\"",
                "version: \"2026.2-reload-test\""));
        Files.copy(models.resolve("default.yaml"), models.resolve("220581.yaml"));

        HttpResponse<String> reloaded = a.send(HttpRequest.newBuilder(a.uri("/api/plans/reload"))
                .header("Authorization", AppProcesses.basic("admin", "admin-test"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, reloaded.statusCode(), reloaded.body());
        HttpResponse<String> models2 = a.send(HttpRequest.newBuilder(a.uri("/api/forecast/models/reload"))
                .header("Authorization", AppProcesses.basic("duty", "duty-demo"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, models2.statusCode(), models2.body());

        await("the other node uses the reloaded plan and model", Duration.ofSeconds(30), () ->
                get(b, "/api/plans/220581", "duty").contains("\"2026.2-reload-test\"")
                        && get(b, "/api/forecast/models", "duty").contains("\"220581\""));
        assertEquals(1, cluster.count("SELECT count(*) FROM audit_log WHERE action = 'plan.load' AND "
                + "entity_id = '220581' AND reason LIKE '%2026.2-reload-test%'"), "audited once");
        assertAuditChainIntact(b);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    private static String get(Instance node, String path, String user) throws Exception {
        HttpResponse<String> r = node.send(HttpRequest.newBuilder(node.uri(path))
                .header("Authorization", AppProcesses.basic(user, user + "-demo")).GET().build());
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    private static Map<String, String> env(SandboxCluster cluster, Map<String, String> common, String name) {
        Map<String, String> env = new HashMap<>(cluster.node(common));
        env.put("QUARKUS_QUARTZ_INSTANCE_ID", name);
        env.put("AIRWARN_ADMIN_PASSWORD", "admin-test");
        return env;
    }

    /** Red warnings for {@link #RED_UNITS}, alternating between the nodes as a load balancer would. */
    private static List<Long> issueRed(SandboxCluster cluster, Instance a, Instance b) throws Exception {
        List<Long> activations = new ArrayList<>();
        int previousPort = RestAssured.port;
        try {
            for (int i = 0; i < RED_UNITS.size(); i++) {
                RestAssured.port = (i % 2 == 0 ? a : b).port();
                int warning = IssuedWarnings.issue(RED_UNITS.get(i), "RED", "commander", 48);
                activations.add(cluster.count("SELECT activation_id FROM warning_event WHERE warning_id = ? AND "
                        + "action = 'APPROVE'", warning));
            }
        } finally {
            RestAssured.port = previousPort;
        }
        return activations;
    }

    /**
     * A node running a dispatch round now: its round is recorded as started and not finished ({@code scheduled_run},
     * written before the round sends anything). Under load both nodes may be; then the one that started first.
     */
    private static String dispatchingNode(SandboxCluster cluster) throws Exception {
        List<String> dispatching = new ArrayList<>();
        await("a node running a dispatch round", Duration.ofSeconds(60), () -> {
            dispatching.clear();
            dispatching.addAll(cluster.rows("SELECT node FROM scheduled_run WHERE job = 'outbox-dispatch' AND "
                    + "finished_at IS NULL AND started_at > now() - interval '30 seconds' ORDER BY started_at"));
            return !dispatching.isEmpty();
        });
        return dispatching.get(0);
    }

    private static void assertEscalatedOnce(SandboxCluster cluster, String in, long messages) throws Exception {
        assertEquals(0, cluster.count("SELECT count(*) FROM (SELECT escalates_order_id, recipient_type FROM plan_order"
                + " WHERE activation_id IN " + in + " AND escalates_order_id IS NOT NULL GROUP BY 1, 2 "
                + "HAVING count(*) > 1) d"), "one supervisor and one headquarters escalation per order");
        assertEquals(cluster.count("SELECT count(*) FROM plan_order WHERE activation_id IN " + in + " AND needs_ack "
                + "AND escalates_order_id IS NULL AND hq_mobile IS NOT NULL"), cluster.count("SELECT count(*) FROM "
                + "plan_order WHERE activation_id IN " + in + " AND recipient_type = 'HQ'"));
        assertEquals(messages, cluster.count(
                "SELECT count(*) FROM outbox x JOIN plan_order o ON o.id = x.order_id WHERE o.activation_id IN " + in),
                "each order's message, and per silent order one resend");
        assertEquals(0, cluster.count("SELECT count(*) FROM (SELECT mobile FROM escalation_digest GROUP BY mobile, "
                + "created_at HAVING count(*) > 1) d"), "one digest per contact and round");
        assertEquals(cluster.count("SELECT count(*) FROM escalation_digest"), cluster.count("SELECT count(*) FROM "
                + "outbox WHERE idempotency_key LIKE 'digest-%'"), "each digest queued once");
        assertEquals(cluster.count("SELECT count(*) FROM plan_order WHERE activation_id IN " + in + " AND "
                + "escalates_order_id IS NOT NULL"), cluster.count("SELECT coalesce(sum(enterprises + schools + "
                + "units), 0) FROM escalation_digest"), "the digests count every escalation");
    }

    private static void assertEachMessageReceivedOnce(SandboxCluster cluster, String in) throws Exception {
        Map<String, Long> received = cluster.received();
        List<String> expected = cluster.rows("SELECT x.phone, x.body FROM outbox x JOIN plan_order o ON "
                + "o.id = x.order_id WHERE o.activation_id IN " + in + " UNION ALL SELECT phone, body FROM outbox "
                + "WHERE idempotency_key LIKE 'digest-%'");
        for (String message : expected) {
            assertEquals(1L, received.getOrDefault(message, 0L), "received exactly once: " + message);
        }
        System.out.printf("the gateway received each of the %d messages exactly once%n", expected.size());
    }

    /**
     * Each firing of each scheduled job ran to the end once. A run left unfinished can only be the killed node's, and
     * Quartz must then have recovered it on the survivor; the survivor went on firing after the kill.
     */
    private static void assertEachFiringRanOnce(SandboxCluster cluster, String killed, String survivor,
                                                OffsetDateTime killedAt) throws Exception {
        for (String job : JOBS) {
            // The survivor may finish the dispatch within seconds of the kill: wait for its own firings (every 3 s).
            await(job + ": the survivor fires it after the kill", Duration.ofSeconds(60),
                    () -> cluster.count("SELECT count(*) FROM scheduled_run WHERE job = ? AND node = ? "
                            + "AND started_at > ? AND finished_at IS NOT NULL", job, survivor, killedAt) >= 2);
            assertEquals(0, cluster.count("SELECT count(*) FROM (SELECT fire_time FROM scheduled_run WHERE job = ? "
                    + "AND finished_at IS NOT NULL GROUP BY fire_time HAVING count(*) > 1) d", job),
                    job + ": no firing ran twice");
            // The survivor keeps firing every 3 s: a firing it started in the last seconds may still be running.
            assertEquals(List.of(), cluster.rows("SELECT fire_time, node FROM scheduled_run r WHERE job = ? AND "
                    + "finished_at IS NULL AND started_at < now() - interval '10 seconds' AND (node <> ? OR NOT "
                    + "EXISTS (SELECT 1 FROM scheduled_run d WHERE d.job = r.job AND d.fire_time = r.fire_time AND "
                    + "d.finished_at IS NOT NULL))", job, killed), job + ": every firing finished");
            System.out.printf("%s: %s%n", job, cluster.rows("SELECT node, count(*) FROM scheduled_run WHERE job = ? "
                    + "GROUP BY node ORDER BY node", job));
        }
    }

    private static void assertAuditChainIntact(Instance survivor) throws Exception {
        HttpResponse<String> chain = survivor.send(HttpRequest.newBuilder(survivor.uri("/api/audit/verify"))
                .header("Authorization", AppProcesses.basic("admin", "admin-test")).GET().build());
        assertEquals(200, chain.statusCode(), chain.body());
        assertTrue(chain.body().contains("\"intact\":true"), "the audit chain survived: " + chain.body());
    }
}
