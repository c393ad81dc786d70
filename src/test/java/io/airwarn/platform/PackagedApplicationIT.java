package io.airwarn.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged application ({@code java -jar target/quarkus-app/quarkus-run.jar}) as operators do: the embedded
 * database, its data directory across restarts, two instances side by side, demo data, and clear startup errors.
 */
class PackagedApplicationIT {

    private static final Path JAR = Path.of(System.getProperty("airwarn.jar", "target/quarkus-app/quarkus-run.jar"));
    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path temp;

    /** A running instance; stopped with SIGTERM. */
    private record Instance(Process process, int port, Path log) implements AutoCloseable {

        String get(String path) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(uri(path)).GET().build()).body();
        }

        HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        }

        URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }

        /** Sends SIGTERM and waits for a clean stop (the JVM reports 143 for a SIGTERM shutdown). */
        void stop() throws InterruptedException, IOException {
            process.destroy();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the application stops on SIGTERM");
            assertEquals(143, process.exitValue());
            assertTrue(Files.readString(log).contains("airwarn stopped"), Files.readString(log));
        }

        @Override
        public void close() throws InterruptedException {
            if (process.isAlive()) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private Process launch(Map<String, String> env, Path log, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(javaBinary(), "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(Path.of("").toAbsolutePath().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("AIRWARN_"));
        builder.environment().putAll(env);
        return builder.start();
    }

    private Instance start(Path dataDir, Map<String, String> extraEnv) throws Exception {
        int port = freePort();
        Path log = Files.createTempFile(temp, "airwarn", ".log");
        Map<String, String> env = new java.util.HashMap<>(extraEnv);
        env.put("AIRWARN_DATA_DIR", dataDir.toString());
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        Instance instance = new Instance(launch(env, log), port, log);
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!instance.process().isAlive()) {
                throw new AssertionError("the application exited during startup:\n" + Files.readString(log));
            }
            try {
                if (instance.send(HttpRequest.newBuilder(instance.uri("/q/health/ready")).build()).statusCode() == 200) {
                    return instance;
                }
            } catch (IOException notListeningYet) {
                // keep polling until the deadline
            }
            instance.process().waitFor(200, TimeUnit.MILLISECONDS);
        }
        instance.close();
        throw new AssertionError("not ready within " + STARTUP + ":\n" + Files.readString(log));
    }

    @Test
    void keepsItsDataAcrossRestartsAndRunsBesideAnotherInstance() throws Exception {
        Path plain = temp.resolve("plain");
        Path demo = temp.resolve("demo");
        try (Instance a = start(plain, Map.of("AIRWARN_DEMO", "false"));
             Instance b = start(demo, Map.of())) {
            assertTrue(Files.readString(a.log()).contains("AirWarn is running. Open http://localhost:" + a.port() + "/"));
            assertEquals("[]", a.get("/api/cities/220100/stations"), "AIRWARN_DEMO=false starts without demo data");
            String stored = a.send(HttpRequest.newBuilder(a.uri("/api/observations"))
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
        try (Instance again = start(plain, Map.of("AIRWARN_DEMO", "false"))) {
            String hour = again.get("/api/cities/220100/aqi/hourly?from=2016-01-01T08:00&to=2016-01-01T08:00");
            assertTrue(hour.contains("\"PM2_5_1H\":160.0"), "the observation survived the restart: " + hour);
            again.stop();
        }
    }

    @Test
    void anUnusableDataDirectoryIsAClearError() throws Exception {
        Path file = Files.writeString(temp.resolve("not-a-directory"), "x");
        Path log = temp.resolve("bad-dir.log");
        Process p = launch(Map.of("AIRWARN_DATA_DIR", file.toString()), log);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String output = Files.readString(log);
        assertEquals(1, p.exitValue(), output);
        assertTrue(output.contains("AirWarn cannot start: The data directory"), output);
        assertTrue(output.contains("AIRWARN_DATA_DIR"), output);
        assertFalse(output.contains("\tat "), "no stack trace: " + output);
    }

    @Test
    void anUnreachableExternalDatabaseIsAClearError() throws Exception {
        int closedPort = freePort();
        Path log = temp.resolve("bad-db.log");
        Process p = launch(Map.of(
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
        Process p = launch(Map.of("AIRWARN_CONFIG_DIR", config.toString(),
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
        Process p = launch(Map.of("AIRWARN_DATA_DIR", unusable.toString()), log, "evaluate", "--input",
                "src/test/resources/prsa/PRSA_data_2013-2014_us_embassy.csv", "--format", "prsa",
                "--train-until", "2013-12-31", "--leads", "1");
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        String output = Files.readString(log);
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("\"persistence\"") && output.contains("\"climatology\""), output);

        Path errorLog = temp.resolve("evaluate-error.log");
        Process bad = launch(Map.of(), errorLog, "evaluate", "--input",
                "src/test/resources/prsa/PRSA_data_2013-2014_us_embassy.csv", "--format", "prsa",
                "--pm25-columns", "PM_Nowhere", "--train-until", "2013-12-31");
        assertTrue(bad.waitFor(60, TimeUnit.SECONDS));
        String error = Files.readString(errorLog).strip();
        assertEquals(2, bad.exitValue(), error);
        assertTrue(error.startsWith("error: ") && error.contains("PM_Nowhere") && !error.contains("\n"), error);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
