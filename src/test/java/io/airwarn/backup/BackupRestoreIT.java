package io.airwarn.backup;

import static io.airwarn.platform.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.airwarn.platform.AppProcesses;
import io.airwarn.platform.AppProcesses.Instance;
import io.airwarn.platform.Eventually;
import io.airwarn.warning.IssuedWarnings;
import io.restassured.RestAssured;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup taken while the packaged application runs, restored into a new data directory and served from there: the
 * warnings, orders, outbox, subscriptions and audit chain are those of the backup, the restored installation still
 * reaches the same SMS gateway (a process of its own, its record the judge) with the account carried in the backup,
 * and no message goes out a second time. Restoring again into the now non-empty directory is refused.
 */
class BackupRestoreIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UNIT = "220581";
    private static final Pattern CODE = Pattern.compile("code is (\\d{6})");

    @TempDir
    Path temp;

    private Process gateway;

    @AfterEach
    void stopGateway() throws InterruptedException {
        if (gateway != null) {
            gateway.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aBackupTakenWhileTheServiceRunsRestoresTheSameInstallation() throws Exception {
        Path original = temp.resolve("original");
        Path restored = temp.resolve("restored");
        Path file = temp.resolve("airwarn-backup.zip");
        // The gateway makes the installation's sandbox account in the original data directory, and the service uses
        // it from there: the restored service reaches the gateway only if the backup carried the account.
        int gatewayPort = AppProcesses.freePort();
        gateway = AppProcesses.launch(Map.of("AIRWARN_DATA_DIR", original.toString()), temp.resolve("gateway.log"),
                "sandbox", "--port", Integer.toString(gatewayPort));
        URI gatewayUri = URI.create("http://127.0.0.1:" + gatewayPort);
        AppProcesses.await(gateway, temp.resolve("gateway.log"), gatewayUri.resolve("/health"));
        String gatewayAuth = AppProcesses.basic(Files.readString(original.resolve("sandbox-account-sid")).strip(),
                Files.readString(original.resolve("sandbox-auth-token")).strip());

        Map<String, List<String>> before;
        List<String> auditBefore;
        try (Instance app = AppProcesses.start(env(original, "original", gatewayPort), temp.resolve("original.log"),
                0)) {
            subscribe(app, "+8613900000001", gatewayUri, gatewayAuth, true);
            issueYellow(app);
            await("every message delivered at the gateway", Duration.ofSeconds(120), () -> {
                Map<String, List<String>> s = state(original);
                long messages = s.get("outbox").size();
                return messages > 1 && s.get("outbox statuses").equals(List.of("DELIVERED|" + messages))
                        && received(gatewayUri, gatewayAuth).values().stream().mapToLong(Long::longValue).sum()
                        == messages;
            });
            before = state(original);
            auditBefore = rows(original, "SELECT seq, hash FROM audit_log ORDER BY seq");

            Output backup = run(original, temp.resolve("backup.log"), "backup", "--out", file.toString());
            assertEquals(0, backup.exitCode(), backup.text());
            assertTrue(backup.text().contains("backup of the running embedded database in ")
                    && backup.text().contains("Keep it as secret as the data directory."), backup.text());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            assertEquals(before, state(original), "nothing changed while the backup ran: the comparison is fair");
            app.stop();
        }

        Output restore = run(restored, temp.resolve("restore.log"), "restore", file.toString());
        assertEquals(0, restore.exitCode(), restore.text());
        assertTrue(restore.text().strip().startsWith("restored " + file + " into " + restored.toAbsolutePath()),
                restore.text());
        assertEquals(Files.readString(original.resolve("audit-key")), Files.readString(restored.resolve("audit-key")));
        assertFalse(Files.readString(original.resolve("database-password"))
                .equals(Files.readString(restored.resolve("database-password"))), "the restored database's own");

        Map<String, String> files = listing(restored);
        Output again = run(restored, temp.resolve("restore-again.log"), "restore", file.toString());
        assertEquals(2, again.exitCode(), again.text());
        String refusal = again.text().strip();
        assertTrue(refusal.startsWith("error: the data directory ") && refusal.contains("is not empty")
                && !refusal.contains("\n"), refusal);
        assertEquals(files, listing(restored), "the refused restore changed nothing");

        try (Instance app = AppProcesses.start(env(restored, "restored", gatewayPort), temp.resolve("restored.log"),
                0)) {
            assertEquals(before, state(restored), "the restored installation has the backup's data");
            List<String> auditAfter = rows(restored, "SELECT seq, hash FROM audit_log ORDER BY seq");
            assertEquals(auditBefore, auditAfter.subList(0, auditBefore.size()), "the audit records of the backup");
            HttpResponse<String> chain = app.send(HttpRequest.newBuilder(app.uri("/api/audit/verify"))
                    .header("Authorization", AppProcesses.basic("commander", "commander-demo")).build());
            assertEquals(200, chain.statusCode(), chain.body());
            assertTrue(chain.body().contains("\"intact\":true"), "the audit chain verifies with the restored key: "
                    + chain.body());

            // Two dispatch rounds on the restored node, each sending a new confirmation code: any message of the
            // backup still due would have gone out in them.
            subscribe(app, "+8613900000002", gatewayUri, gatewayAuth, false);
            awaitDispatchRounds(restored, 1);
            subscribe(app, "+8613900000003", gatewayUri, gatewayAuth, false);
            awaitDispatchRounds(restored, 2);
            Map<String, Long> received = received(gatewayUri, gatewayAuth);
            Map<String, Long> repeated = received.entrySet().stream().filter(e -> e.getValue() != 1)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            assertEquals(Map.of(), repeated, "every message received exactly once");
            List<String> sent = rows(restored, "SELECT phone || '|' || body FROM outbox");
            assertEquals(before.get("outbox").size() + 2, sent.size());
            assertEquals(new TreeMap<>(received).keySet(), sent.stream().collect(Collectors.toCollection(
                    java.util.TreeSet::new)), "the gateway got exactly the outbox's messages");
            System.out.printf("backup while running: %d orders, %d messages (%s), %d subscription(s); restored and "
                            + "served again, each of the %d messages at the gateway once%n", before.get("orders").size(),
                    before.get("outbox").size(), before.get("outbox statuses"), before.get("subscriptions").size(),
                    received.size());
            app.stop();
        }
    }

    private static Map<String, String> env(Path dataDir, String node, int gatewayPort) {
        Map<String, String> env = new HashMap<>(Map.of(
                "AIRWARN_DATA_DIR", dataDir.toString(),
                "AIRWARN_DEMO", "false",
                "AIRWARN_DEMO_USERS", "true",
                "AIRWARN_FORECAST_CRON", "off",
                "AIRWARN_TWILIO_BASE_URL", "http://127.0.0.1:" + gatewayPort,
                "AIRWARN_TWILIO_RATE", "2000",
                "AIRWARN_TWILIO_CONCURRENCY", "16",
                "QUARKUS_QUARTZ_INSTANCE_ID", node));
        return env;
    }

    /** A YELLOW warning for Meihekou, drafted by the duty officer and approved: its orders and their messages. */
    private static void issueYellow(Instance app) {
        int previousPort = RestAssured.port;
        try {
            RestAssured.port = app.port();
            IssuedWarnings.issue(UNIT, "YELLOW", "approver", 30);
        } finally {
            RestAssured.port = previousPort;
        }
    }

    /** Subscribes the number to the unit; waits for its code at the gateway and, if asked, confirms it. */
    private static void subscribe(Instance app, String phone, URI gateway, String auth, boolean confirm)
            throws Exception {
        HttpResponse<String> asked = post(app, "/api/subscriptions",
                "{\"phone\": \"" + phone + "\", \"unit\": \"" + UNIT + "\", \"language\": \"en\"}");
        assertEquals(202, asked.statusCode(), asked.body());
        String code = codeAt(gateway, auth, phone);
        if (confirm) {
            HttpResponse<String> confirmed = post(app, "/api/subscriptions/confirm",
                    "{\"phone\": \"" + phone + "\", \"unit\": \"" + UNIT + "\", \"code\": \"" + code + "\"}");
            assertEquals(200, confirmed.statusCode(), confirmed.body());
            assertTrue(confirmed.body().contains("ACTIVE"), confirmed.body());
        }
    }

    /** The code the gateway received for {@code phone}, once it has. */
    private static String codeAt(URI gateway, String auth, String phone) throws InterruptedException {
        return Eventually.value("the confirmation code for " + phone + " at the gateway", Duration.ofSeconds(60),
                () -> {
                    for (JsonNode m : messages(gateway, auth)) {
                        Matcher code = CODE.matcher(m.get("body").asText());
                        if (m.get("to").asText().equals(phone) && code.find()) {
                            return code.group(1);
                        }
                    }
                    return null;
                }, c -> true);
    }

    private void awaitDispatchRounds(Path dataDir, int rounds) throws InterruptedException {
        await(rounds + " dispatch round(s) finished on the restored node", Duration.ofSeconds(60),
                () -> count(dataDir, "SELECT count(*) FROM scheduled_run WHERE job = 'outbox-dispatch' AND node = "
                        + "'restored' AND finished_at IS NOT NULL") >= rounds);
    }

    private static HttpResponse<String> post(Instance app, String path, String json) throws Exception {
        return app.send(HttpRequest.newBuilder(app.uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static JsonNode messages(URI gateway, String auth) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(gateway.resolve("/messages"))
                .header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    /** How many times the gateway received each "to|body". */
    private static Map<String, Long> received(URI gateway, String auth) throws IOException, InterruptedException {
        List<String> pairs = new ArrayList<>();
        messages(gateway, auth).forEach(m -> pairs.add(m.get("to").asText() + "|" + m.get("body").asText()));
        return pairs.stream().collect(Collectors.groupingBy(p -> p, Collectors.counting()));
    }

    /** What must survive a backup and restore, table by table, as rows of text. */
    private static Map<String, List<String>> state(Path dataDir) throws SQLException, IOException {
        Map<String, List<String>> state = new LinkedHashMap<>();
        state.put("warnings", rows(dataDir, "SELECT id, city_code, state, level, issued_level, onset, expected_end, "
                + "drafted_by, approved_by, issued_at, version FROM warning ORDER BY id"));
        state.put("warning events", rows(dataDir, "SELECT id, warning_id, actor, action, to_state, activation_id "
                + "FROM warning_event ORDER BY id"));
        state.put("orders", rows(dataDir, "SELECT id, activation_id, short_code, recipient_type, recipient_id, "
                + "mobile, level, status, ack_deadline, text FROM plan_order ORDER BY id"));
        state.put("outbox", rows(dataDir, "SELECT id, idempotency_key, order_id, phone, status, provider_sid, "
                + "attempts, sent_at FROM outbox ORDER BY id"));
        state.put("outbox statuses", rows(dataDir, "SELECT status, count(*) FROM outbox GROUP BY status ORDER BY 1"));
        state.put("subscriptions", rows(dataDir, "SELECT id, phone, unit, language, status, confirmed_at FROM "
                + "subscription ORDER BY id"));
        return state;
    }

    /** The rows of a query on the data directory's running embedded database, columns joined by "|". */
    private static List<String> rows(Path dataDir, String query) throws SQLException, IOException {
        List<String> rows = new ArrayList<>();
        try (Connection c = connect(dataDir); Statement s = c.createStatement(); ResultSet r = s.executeQuery(query)) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(r.getString(i));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }

    private static long count(Path dataDir, String query) throws SQLException, IOException {
        return Long.parseLong(rows(dataDir, query).get(0));
    }

    /** The running server's port is line 4 of postmaster.pid; the password is the installation's. */
    private static Connection connect(Path dataDir) throws SQLException, IOException {
        String port = Files.readAllLines(dataDir.resolve("pg/postmaster.pid")).get(3).strip();
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres",
                Files.readString(dataDir.resolve("database-password")).strip());
    }

    private record Output(int exitCode, String text) {
    }

    /** Runs a command of the packaged jar on the data directory; its exit code and its output (stdout and stderr). */
    private static Output run(Path dataDir, Path log, String... args) throws Exception {
        Process p = AppProcesses.launch(Map.of("AIRWARN_DATA_DIR", dataDir.toString()), log, args);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), String.join(" ", args) + " finished");
        return new Output(p.exitValue(), Files.readString(log));
    }

    /** Every file under the directory with its size and modification time. */
    private static Map<String, String> listing(Path directory) throws IOException {
        Map<String, String> listing = new TreeMap<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path f : files.toList()) {
                listing.put(directory.relativize(f).toString(), Files.isDirectory(f) ? "dir"
                        : Files.size(f) + "@" + Files.getLastModifiedTime(f).toMillis());
            }
        }
        return listing;
    }
}
