package io.airwarn.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.airwarn.platform.AppProcesses;
import io.airwarn.platform.AppProcesses.Instance;
import io.airwarn.platform.EmbeddedDatabase;
import io.airwarn.warning.IssuedWarnings;
import io.restassured.RestAssured;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * AirWarn as real processes sharing one PostgreSQL, with the sandbox gateway as a process of its own (started by the
 * packaged jar's {@code sandbox} command), whose record of what it received is the judge: a node killed with
 * kill -9 in the middle of a dispatch and restarted delivers every message exactly once, and escalation timers fire
 * once with two nodes running them.
 */
class MultiProcessNotificationIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SID = "AC00000000000000000000000000000000";
    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString(
            (SID + ":sandbox-auth-token").getBytes(StandardCharsets.UTF_8));

    private static Path temp;
    private static EmbeddedDatabase database;
    private static Process sandbox;
    private static int sandboxPort;

    @BeforeAll
    static void startDatabaseAndSandbox() throws Exception {
        temp = Files.createTempDirectory("airwarn-multi");
        database = EmbeddedDatabase.start(temp.resolve("pg"), false);
        sandboxPort = AppProcesses.freePort();
        startSandbox();
    }

    private static void startSandbox() throws Exception {
        Path log = temp.resolve("sandbox.log");
        sandbox = AppProcesses.launch(Map.of(), log, "sandbox", "--port", Integer.toString(sandboxPort));
        AppProcesses.await(sandbox, log, sandboxUri("/health"));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (sandbox != null) {
            sandbox.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        if (database != null) {
            database.close();
        }
        if (temp != null) {
            try (var files = Files.walk(temp)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                System.err.println("could not remove " + temp + ": " + e.getMessage());
            }
        }
    }

    private static URI sandboxUri(String path) {
        return URI.create("http://127.0.0.1:" + sandboxPort + path);
    }

    private static Map<String, String> node(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl(),
                "QUARKUS_DATASOURCE_REACTIVE_URL", database.reactiveUrl(),
                "AIRWARN_DATA_DIR", temp.resolve("unused").toString(),
                "AIRWARN_DEMO", "false",
                "AIRWARN_DEMO_USERS", "true",
                "AIRWARN_FORECAST_CRON", "off",
                "AIRWARN_TWILIO_BASE_URL", "http://127.0.0.1:" + sandboxPort,
                "AIRWARN_TWILIO_RATE", "2000",
                "AIRWARN_TWILIO_CONCURRENCY", "16",
                "AIRWARN_TWILIO_STALE_CLAIM", "PT5S"));
        env.put("QUARKUS_DATASOURCE_USERNAME", EmbeddedDatabase.USER);
        env.putAll(extra);
        return env;
    }

    private static Connection sql() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER, "");
    }

    private static long count(String query, Object... params) throws SQLException {
        try (Connection c = sql(); var s = c.prepareStatement(query)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static JsonNode sandboxGet(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(sandboxUri(path)).header("Authorization", AUTH)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    /** How many times the gateway received each "to|body". */
    private static Map<String, Long> received() throws IOException, InterruptedException {
        List<String> pairs = new ArrayList<>();
        sandboxGet("/messages").forEach(m -> pairs.add(m.get("to").asText() + "|" + m.get("body").asText()));
        return pairs.stream().collect(Collectors.groupingBy(p -> p, Collectors.counting()));
    }

    private static void await(String what, Duration limit, BooleanSupplier done) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + limit + ": " + what);
            }
            Thread.sleep(250);
        }
    }

    private static BooleanSupplier quietly(SqlCheck check) {
        return () -> {
            try {
                return check.test();
            } catch (Exception e) {
                return false;
            }
        };
    }

    private interface SqlCheck {
        boolean test() throws Exception;
    }

    @Test
    void aNodeKilledMidDispatchAndRestartedDeliversEveryMessageExactlyOnce() throws Exception {
        int messages = 20_000;
        int port = AppProcesses.freePort();
        long receivedAtKill;
        try (Instance node = AppProcesses.start(node(Map.of()), temp.resolve("crash-1.log"), port)) {
            try (Connection c = sql(); var s = c.createStatement()) {
                s.executeUpdate("""
                        INSERT INTO outbox (idempotency_key, unit, recipient_type, recipient_id, phone, body, priority,
                                            exercise, valid_until)
                        SELECT 'crash-' || g, '220100', 'PUBLIC', 'crash-' || g, '+86139' || lpad(g::text, 8, '0'),
                               'AirWarn crash test ' || g, 2, false, now() + interval '1 hour'
                        FROM generate_series(1, %d) g""".formatted(messages));
            }
            await("a quarter of the messages reach the gateway", Duration.ofSeconds(120),
                    quietly(() -> sandboxGet("/health").get("received").asLong() >= messages / 4));
            node.kill();
            receivedAtKill = sandboxGet("/health").get("received").asLong();
        }
        assertTrue(receivedAtKill < messages, "the node died mid-dispatch (" + receivedAtKill + " received)");
        long inFlight = count("SELECT count(*) FROM outbox WHERE idempotency_key LIKE 'crash-%' AND status = 'SENDING'");

        try (Instance again = AppProcesses.start(node(Map.of()), temp.resolve("crash-2.log"), port)) {
            await("every message settled after the restart", Duration.ofSeconds(240), quietly(() -> count(
                    "SELECT count(*) FROM outbox WHERE idempotency_key LIKE 'crash-%' AND status NOT IN "
                            + "('SENT', 'DELIVERED')") == 0));
            Map<String, Long> received = received();
            long ours = received.keySet().stream().filter(k -> k.contains("|AirWarn crash test ")).count();
            assertEquals(messages, ours, "every message reached the gateway");
            for (int i = 1; i <= messages; i++) {
                String key = String.format("+86139%08d|AirWarn crash test %d", i, i);
                assertEquals(1L, received.getOrDefault(key, 0L), key + " received exactly once (" + inFlight
                        + " were claimed but unsettled when the node died)");
            }
            System.out.printf("kill -9 after %d of %d messages reached the gateway, %d claimed but unsettled; "
                    + "after the restart each was received once%n", receivedAtKill, messages, inFlight);
            assertEquals(messages, count("SELECT count(DISTINCT provider_sid) FROM outbox WHERE idempotency_key LIKE "
                    + "'crash-%'"), "each message is settled with the gateway's own SID");
            again.stop();
        }
    }

    @Test
    void messagesWaitWhileTheGatewayIsDownAndGoOutOnceWhenItReturns() throws Exception {
        int messages = 50;
        sandbox.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        try (Instance node = AppProcesses.start(node(Map.of()), temp.resolve("outage.log"), 0)) {
            try (Connection c = sql(); var s = c.createStatement()) {
                s.executeUpdate("""
                        INSERT INTO outbox (idempotency_key, unit, recipient_type, recipient_id, phone, body, priority,
                                            exercise, valid_until)
                        SELECT 'outage-' || g, '220100', 'PUBLIC', 'outage-' || g, '+86138' || lpad(g::text, 8, '0'),
                               'AirWarn outage test ' || g, 2, false, now() + interval '1 hour'
                        FROM generate_series(1, %d) g""".formatted(messages));
            }
            await("every message tried and waiting to retry", Duration.ofSeconds(60), quietly(() -> count(
                    "SELECT count(*) FROM outbox WHERE idempotency_key LIKE 'outage-%' AND status = 'RETRY' "
                            + "AND attempts >= 1") == messages));
            // The gateway comes back (its record starts empty, as a restarted provider endpoint's would).
            startSandbox();
            await("every message sent after the gateway returned", Duration.ofSeconds(120), quietly(() -> count(
                    "SELECT count(*) FROM outbox WHERE idempotency_key LIKE 'outage-%' AND status NOT IN "
                            + "('SENT', 'DELIVERED')") == 0));
            Map<String, Long> received = received();
            for (int i = 1; i <= messages; i++) {
                String key = String.format("+86138%08d|AirWarn outage test %d", i, i);
                assertEquals(1L, received.getOrDefault(key, 0L), key + " received exactly once");
            }
            node.stop();
        }
    }

    @Test
    void escalationTimersFireOnceWithTwoNodesRunningThem() throws Exception {
        Map<String, String> env = node(Map.of("AIRWARN_ESCALATION_EVERY", "1s", "AIRWARN_ACK_YELLOW", "PT4S"));
        try (Instance a = AppProcesses.start(env, temp.resolve("node-a.log"), 0);
             Instance b = AppProcesses.start(env, temp.resolve("node-b.log"), 0)) {
            int previousPort = RestAssured.port;
            int warning;
            try {
                RestAssured.port = a.port();
                warning = IssuedWarnings.issue("220581", "YELLOW", "approver", 30);
            } finally {
                RestAssured.port = previousPort;
            }
            long activation = count("SELECT activation_id FROM warning_event WHERE warning_id = ? AND action = "
                    + "'APPROVE'", warning);
            long silent = count("SELECT count(*) FROM plan_order WHERE activation_id = ? AND needs_ack AND "
                    + "escalates_order_id IS NULL", activation);
            assertTrue(silent > 10, "the activation has orders to escalate: " + silent);
            await("every order escalated to HQ and every message sent", Duration.ofSeconds(120), quietly(() ->
                    count("SELECT count(*) FROM plan_order WHERE activation_id = ? AND needs_ack AND "
                            + "escalates_order_id IS NULL AND escalation_level = 2", activation) == silent
                    && count("SELECT count(*) FROM outbox x JOIN plan_order o ON o.id = x.order_id WHERE "
                            + "o.activation_id = ? AND x.status NOT IN ('SENT', 'DELIVERED')", activation) == 0));

            assertEquals(0, count("""
                    SELECT count(*) FROM (SELECT escalates_order_id, recipient_type FROM plan_order
                    WHERE activation_id = ? AND escalates_order_id IS NOT NULL GROUP BY 1, 2 HAVING count(*) > 1) d""",
                    activation), "one supervisor and one HQ escalation per order");
            assertEquals(count("SELECT count(*) FROM plan_order WHERE activation_id = ? AND needs_ack AND "
                    + "escalates_order_id IS NULL AND hq_mobile IS NOT NULL", activation), count("SELECT count(*) "
                    + "FROM plan_order WHERE activation_id = ? AND recipient_type = 'HQ'", activation));
            Map<String, Long> received = received();
            List<String> expected = new ArrayList<>();
            try (Connection c = sql(); var s = c.prepareStatement("SELECT x.phone, x.body FROM outbox x JOIN "
                    + "plan_order o ON o.id = x.order_id WHERE o.activation_id = ?")) {
                s.setLong(1, activation);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        expected.add(r.getString(1) + "|" + r.getString(2));
                    }
                }
            }
            assertEquals(silent * 4 + count("SELECT count(*) FROM plan_order WHERE activation_id = ? AND "
                    + "escalates_order_id IS NULL AND mobile IS NOT NULL AND NOT needs_ack", activation),
                    expected.size(), "each order's message, and per silent order one resend and two escalations");
            for (String message : expected) {
                assertEquals(1L, received.getOrDefault(message, 0L), "received exactly once: " + message);
            }
            assertTrue(b.process().isAlive() && a.process().isAlive());
        }
    }
}
