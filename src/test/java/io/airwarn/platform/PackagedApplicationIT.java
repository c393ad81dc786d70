package io.airwarn.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.airwarn.platform.AppProcesses.Instance;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged application ({@code java -jar target/quarkus-app/quarkus-run.jar}) as operators do: the embedded
 * database, its data directory across restarts, two instances side by side, demo data, and clear startup errors.
 */
class PackagedApplicationIT {

    @TempDir
    Path temp;

    private Instance start(Path dataDir, Map<String, String> extraEnv) throws Exception {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("AIRWARN_DATA_DIR", dataDir.toString());
        return AppProcesses.start(env, Files.createTempFile(temp, "airwarn", ".log"), 0);
    }

    @Test
    void keepsItsDataAcrossRestartsAndRunsBesideAnotherInstance() throws Exception {
        Path plain = temp.resolve("plain");
        Path demo = temp.resolve("demo");
        try (Instance a = start(plain, Map.of("AIRWARN_DEMO", "false", "AIRWARN_ADMIN_PASSWORD", "admin-packaged"));
             Instance b = start(demo, Map.of())) {
            assertTrue(Files.readString(a.log()).contains("AirWarn is running. Open http://localhost:" + a.port() + "/"));
            assertEquals("[]", a.get("/api/cities/220100/stations"), "AIRWARN_DEMO=false starts without demo data");
            String stored = a.send(HttpRequest.newBuilder(a.uri("/api/observations"))
                    .header("Authorization", AppProcesses.basic("admin", "admin-packaged"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "[{\"city\":\"220100\",\"station\":\"S1\",\"time\":\"2016-01-01T08:00\",\"pm25\":160}]"))
                    .build()).body();
            assertTrue(stored.contains("\"rowsStored\":1"), stored);

            String demoStations = b.get("/api/cities/220100/stations");
            assertTrue(demoStations.contains("\"demo\":true") && demoStations.contains("DEMO"), demoStations);
            String demoDay = b.get("/api/cities/220100/aqi/daily?from=2015-12-01&to=2015-12-01");
            assertTrue(demoDay.contains("\"demo\":true") && demoDay.contains("\"aqi\":"), demoDay);

            a.stop();
            assertFalse(Files.exists(plain.resolve("pg/postmaster.pid")), "the embedded PostgreSQL was stopped");
        }
        try (Instance again = start(plain, Map.of("AIRWARN_DEMO", "false", "AIRWARN_LOG_FORMAT", "json"))) {
            String hour = again.get("/api/cities/220100/aqi/hourly?from=2016-01-01T08:00&to=2016-01-01T08:00");
            assertTrue(hour.contains("\"PM2_5_1H\":160.0"), "the observation survived the restart: " + hour);
            HttpResponse<String> change = again.send(HttpRequest.newBuilder(again.uri("/api/observations"))
                    .header("Authorization", AppProcesses.basic("admin", "admin-packaged"))
                    .header("Content-Type", "application/json").header("X-Request-Id", "ops-check-1")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "[{\"city\":\"220100\",\"station\":\"S1\",\"time\":\"2016-01-01T09:00\",\"pm25\":150}]"))
                    .build());
            assertEquals("ops-check-1", change.headers().firstValue("X-Request-Id").orElse(null));
            again.stop();
            assertJsonLog(again.log(), "ops-check-1", "admin");
        }
    }

    /**
     * AIRWARN_LOG_FORMAT=json: every line the application writes is one JSON object; a change through the API is
     * logged with its request id and user.
     */
    private static void assertJsonLog(Path log, String requestId, String user) throws IOException {
        ObjectMapper json = new ObjectMapper();
        boolean change = false;
        for (String line : Files.readAllLines(log)) {
            JsonNode entry = json.readTree(line);
            assertTrue(entry.isObject() && entry.has("message") && entry.has("timestamp"), line);
            JsonNode mdc = entry.path("mdc");
            change |= requestId.equals(mdc.path("requestId").asText()) && user.equals(mdc.path("user").asText())
                    && entry.get("message").asText().startsWith("POST /api/observations -> 200");
        }
        assertTrue(change, "the change is logged with its request id and user:\n" + Files.readString(log));
    }

    /**
     * The sandbox account, the audit key and the database password are the installation's own, owner-readable only,
     * never logged; the credentials that used to be constants in the source open nothing; a local process cannot
     * connect to the embedded PostgreSQL without the password.
     */
    @Test
    void installationSecretsAreItsOwnAndTheDatabaseAsksForThePassword() throws Exception {
        Path data = temp.resolve("secrets");
        try (Instance app = start(data, Map.of("AIRWARN_DEMO", "false"))) {
            String sid = Files.readString(data.resolve("sandbox-account-sid")).strip();
            String token = Files.readString(data.resolve("sandbox-auth-token")).strip();
            String password = Files.readString(data.resolve("database-password")).strip();
            assertTrue(sid.matches("AC[0-9a-f]{32}") && !sid.equals("AC00000000000000000000000000000000"), sid);
            for (String file : new String[]{"sandbox-account-sid", "sandbox-auth-token", "audit-key",
                    "database-password"}) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                        data.resolve(file))), file);
            }
            String log = Files.readString(app.log());
            assertEquals(1, log.split("NOT to phones", -1).length - 1, "said once, plainly: " + log);
            assertFalse(log.contains(token) || log.contains(password), "no secret in the log");

            String messages = "/sandbox/twilio/2010-04-01/Accounts/%s/Messages.json";
            int publicCredentials = app.send(HttpRequest.newBuilder(app.uri(String.format(messages,
                            "AC00000000000000000000000000000000"))).header("Authorization", AppProcesses.basic(
                            "AC00000000000000000000000000000000", "sandbox-auth-token")).build()).statusCode();
            assertEquals(401, publicCredentials, "the old constant credentials open nothing");
            int own = app.send(HttpRequest.newBuilder(app.uri(String.format(messages, sid)))
                    .header("Authorization", AppProcesses.basic(sid, token)).build()).statusCode();
            assertEquals(200, own);

            assertEquals(404, app.send(HttpRequest.newBuilder(app.uri("/q/swagger-ui/")).build()).statusCode(),
                    "Swagger UI is off outside demo mode");
            assertEquals(200, app.send(HttpRequest.newBuilder(app.uri("/q/openapi")).build()).statusCode());

            String port = Files.readAllLines(data.resolve("pg/postmaster.pid")).get(3).strip();
            String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
            SQLException refused = assertThrows(SQLException.class,
                    () -> DriverManager.getConnection(url, "postgres", "").close());
            assertTrue(String.valueOf(refused.getMessage()).contains("password"), refused.getMessage());
            try (Connection c = DriverManager.getConnection(url, "postgres", password)) {
                assertTrue(c.isValid(5));
            }
        }
    }

    @Test
    void anUnusableDataDirectoryIsAClearError() throws Exception {
        Path file = Files.writeString(temp.resolve("not-a-directory"), "x");
        String output = failedStart(Map.of("AIRWARN_DATA_DIR", file.toString()), "bad-dir.log");
        assertTrue(output.contains("AirWarn cannot start: The data directory"), output);
        assertTrue(output.contains("AIRWARN_DATA_DIR"), output);
    }

    /**
     * Behind a load balancer that ends TLS and says so (X-Forwarded-Proto), the session cookie is Secure; forwarding
     * headers are believed only from the trusted proxy addresses configured.
     */
    @Test
    void theSessionCookieIsSecureBehindATlsProxy() throws Exception {
        try (Instance app = start(temp.resolve("proxy"), Map.of("AIRWARN_DEMO", "false", "AIRWARN_DEMO_USERS", "true",
                "QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "true", "QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED", "true",
                "QUARKUS_HTTP_PROXY_TRUSTED_PROXIES", "127.0.0.1"))) {
            String overTls = signIn(app, "https");
            assertTrue(overTls.contains("airwarn-session=") && overTls.contains("airwarn-sid=")
                    && overTls.split("Secure", -1).length == 3, "both session cookies Secure: " + overTls);
            assertTrue(overTls.toLowerCase().contains("httponly") && overTls.contains("SameSite=Strict"), overTls);
            String plain = signIn(app, null);
            assertTrue(plain.contains("airwarn-session=") && !plain.contains("Secure"), plain);
            app.stop();
        }
    }

    /** Signs in as the demo duty officer, optionally through a proxy using {@code proto}; the Set-Cookie header. */
    private static String signIn(Instance app, String proto) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(app.uri("/j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("j_username=duty&j_password=duty-demo"));
        if (proto != null) {
            request.header("X-Forwarded-Proto", proto);
        }
        HttpResponse<String> response = app.send(request.build());
        return String.join("; ", response.headers().allValues("Set-Cookie"));
    }

    @Test
    void aDataDirectoryWithTooLittleFreeSpaceIsAClearError() throws Exception {
        String output = failedStart(Map.of("AIRWARN_DATA_DIR", temp.resolve("small").toString(),
                "AIRWARN_MIN_FREE_MB", "100000000"), "small-disk.log");
        assertTrue(output.contains("AirWarn cannot start: The data directory"), output);
        assertTrue(output.contains("MB free; AirWarn needs at least 100000000 MB (AIRWARN_MIN_FREE_MB)"), output);
    }

    /** Real file systems: a read-only one and a full one (1 MB), where the machine lets the test mount them. */
    @Test
    void aReadOnlyOrFullDiskIsAClearError() throws Exception {
        Path readOnly = Files.createDirectories(temp.resolve("read-only"));
        Path full = Files.createDirectories(temp.resolve("full"));
        assumeTrue(mount(readOnly, "size=1m,ro") && mount(full, "size=1m"), "mounting a tmpfs needs root");
        try {
            String output = failedStart(Map.of("AIRWARN_DATA_DIR", readOnly.toString()), "read-only.log");
            assertTrue(output.contains("AirWarn cannot start: The data directory"), output);
            assertTrue(output.contains("Read-only file system"), output);
            output = failedStart(Map.of("AIRWARN_DATA_DIR", full.toString()), "full.log");
            assertTrue(output.contains("MB free; AirWarn needs at least 256 MB"), output);
        } finally {
            new ProcessBuilder("umount", readOnly.toString()).start().waitFor(30, TimeUnit.SECONDS);
            new ProcessBuilder("umount", full.toString()).start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static boolean mount(Path at, String options) throws Exception {
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", options, "tmpfs", at.toString())
                .redirectErrorStream(true).start();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    /** Starts the server expecting it to refuse; its output, checked for exit code 1 and no stack trace. */
    private String failedStart(Map<String, String> env, String logName) throws Exception {
        Path log = temp.resolve(logName);
        Process p = AppProcesses.launch(env, log);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String output = Files.readString(log);
        assertEquals(1, p.exitValue(), output);
        assertFalse(output.contains("\tat "), "no stack trace: " + output);
        return output;
    }

    @Test
    void anUnreachableExternalDatabaseIsAClearError() throws Exception {
        int closedPort = AppProcesses.freePort();
        Path log = temp.resolve("bad-db.log");
        Process p = AppProcesses.launch(Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + closedPort + "/airwarn",
                "QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://127.0.0.1:" + closedPort + "/airwarn",
                "AIRWARN_DATA_DIR", temp.resolve("unused").toString()), log);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String output = Files.readString(log);
        assertEquals(1, p.exitValue(), output);
        assertTrue(output.contains("cannot be reached"), output);
        assertFalse(output.contains("\tat "), "no stack trace: " + output);
        assertFalse(Files.exists(temp.resolve("unused/pg")), "no embedded server with an external database");
    }

    @Test
    void aBrokenConfigurationFileIsAClearErrorNamingTheFile() throws Exception {
        Path config = Files.createDirectories(temp.resolve("config"));
        Files.writeString(config.resolve("cities.yaml"), "cities:\n  - {code: \"220100\", zh: 长春市}\n");
        Path log = temp.resolve("bad-config.log");
        Process p = AppProcesses.launch(Map.of("AIRWARN_CONFIG_DIR", config.toString(),
                "AIRWARN_DATA_DIR", temp.resolve("data").toString()), log);
        assertTrue(p.waitFor(90, TimeUnit.SECONDS));
        String output = Files.readString(log);
        assertEquals(1, p.exitValue(), output);
        assertTrue(output.contains("AirWarn cannot start: " + config.resolve("cities.yaml").toAbsolutePath()), output);
        assertTrue(output.contains("needs code, zh, en, lat and lon"), output);
    }

    @Test
    void theCommandsRunWithoutTheServerOrADatabase() throws Exception {
        Path unusable = Files.writeString(temp.resolve("no-data-dir"), "x");
        Path log = temp.resolve("evaluate.log");
        Process p = AppProcesses.launch(Map.of("AIRWARN_DATA_DIR", unusable.toString()), log, "evaluate", "--input",
                "src/test/resources/prsa/PRSA_data_2013-2014_us_embassy.csv", "--format", "prsa",
                "--train-until", "2013-12-31", "--leads", "1");
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        String output = Files.readString(log);
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("\"persistence\"") && output.contains("\"climatology\""), output);

        Path errorLog = temp.resolve("evaluate-error.log");
        Process bad = AppProcesses.launch(Map.of(), errorLog, "evaluate", "--input",
                "src/test/resources/prsa/PRSA_data_2013-2014_us_embassy.csv", "--format", "prsa",
                "--pm25-columns", "PM_Nowhere", "--train-until", "2013-12-31");
        assertTrue(bad.waitFor(60, TimeUnit.SECONDS));
        String error = Files.readString(errorLog).strip();
        assertEquals(2, bad.exitValue(), error);
        assertTrue(error.startsWith("error: ") && error.contains("PM_Nowhere") && !error.contains("\n"), error);
    }
}
