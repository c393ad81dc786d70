package io.airwarn.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.airwarn.core.InstallationSecrets;
import io.airwarn.platform.AppProcesses;
import io.airwarn.platform.EmbeddedDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * For tests of AirWarn as real processes: one PostgreSQL for all nodes and the sandbox gateway as a process of its own
 * (the packaged jar's {@code sandbox} command), whose record of what it received is the judge of "exactly once".
 */
final class SandboxCluster implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The gateway's and the nodes' shared account, made per run as an installation's would be. */
    private static final String SID = "AC" + InstallationSecrets.randomHex(16);
    private static final String TOKEN = InstallationSecrets.randomHex(16);
    private static final String AUTH = AppProcesses.basic(SID, TOKEN);
    /** Nodes on one database share the audit key, as the README asks of a deployment. */
    private static final String AUDIT_KEY = InstallationSecrets.randomHex(32);

    final Path temp;
    private final EmbeddedDatabase database;
    private final int sandboxPort;
    private Process sandbox;

    private SandboxCluster(Path temp, EmbeddedDatabase database, int sandboxPort) {
        this.temp = temp;
        this.database = database;
        this.sandboxPort = sandboxPort;
    }

    static SandboxCluster start(String name) throws Exception {
        Path temp = Files.createTempDirectory(name);
        SandboxCluster cluster = new SandboxCluster(temp, EmbeddedDatabase.start(temp.resolve("pg"), false),
                AppProcesses.freePort());
        cluster.startSandbox();
        return cluster;
    }

    /** Starts the gateway process; a restarted gateway's record starts empty, as a provider endpoint's would. */
    void startSandbox() throws Exception {
        Path log = temp.resolve("sandbox.log");
        sandbox = AppProcesses.launch(account(), log, "sandbox", "--port", Integer.toString(sandboxPort));
        AppProcesses.await(sandbox, log, sandboxUri("/health"));
    }

    void killSandbox() throws InterruptedException {
        sandbox.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (sandbox != null) {
            killSandbox();
        }
        database.close();
        try (var files = Files.walk(temp)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not remove " + temp + ": " + e.getMessage());
        }
    }

    private URI sandboxUri(String path) {
        return URI.create("http://127.0.0.1:" + sandboxPort + path);
    }

    /** The environment of an AirWarn node on this database and gateway, plus {@code extra}. */
    Map<String, String> node(Map<String, String> extra) {
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
        env.put("QUARKUS_DATASOURCE_PASSWORD", database.password());
        env.put("AIRWARN_AUDIT_KEY", AUDIT_KEY);
        env.putAll(account());
        env.putAll(extra);
        return env;
    }

    private static Map<String, String> account() {
        return Map.of("AIRWARN_TWILIO_ACCOUNT_SID", SID, "AIRWARN_TWILIO_AUTH_TOKEN", TOKEN);
    }

    Connection sql() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER, database.password());
    }

    void execute(String statement) throws SQLException {
        try (Connection c = sql(); var s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    long count(String query, Object... params) throws SQLException {
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

    /** The query's rows, each row's columns joined by "|". */
    List<String> rows(String query, Object... params) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = sql(); var s = c.prepareStatement(query)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                int columns = r.getMetaData().getColumnCount();
                while (r.next()) {
                    List<String> values = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        values.add(r.getString(i));
                    }
                    rows.add(String.join("|", values));
                }
            }
        }
        return rows;
    }

    JsonNode sandboxGet(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(sandboxUri(path)).header("Authorization", AUTH)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    long receivedCount() throws IOException, InterruptedException {
        return sandboxGet("/health").get("received").asLong();
    }

    /** How many times the gateway received each "to|body". */
    Map<String, Long> received() throws IOException, InterruptedException {
        List<String> pairs = new ArrayList<>();
        sandboxGet("/messages").forEach(m -> pairs.add(m.get("to").asText() + "|" + m.get("body").asText()));
        return pairs.stream().collect(Collectors.groupingBy(p -> p, Collectors.counting()));
    }
}
