package io.airwarn.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application ({@code java -jar target/quarkus-app/quarkus-run.jar}) as real processes, for tests that
 * restart, kill or run several of them: started with a clean environment plus the test's, on a free port.
 */
public final class AppProcesses {

    private static final Path JAR = Path.of(System.getProperty("airwarn.jar", "target/quarkus-app/quarkus-run.jar"));
    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private AppProcesses() {
    }

    /** A running instance. */
    public record Instance(Process process, int port, int managementPort, Path log) implements AutoCloseable {

        public String get(String path) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(uri(path)).GET().build()).body();
        }

        public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        }

        public URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }

        /** An address on the management interface (health, metrics). */
        public URI management(String path) {
            return URI.create("http://localhost:" + managementPort + path);
        }

        /** Sends SIGTERM and waits for a clean stop (the JVM reports 143 for a SIGTERM shutdown). */
        public void stop() throws InterruptedException, IOException {
            process.destroy();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the application stops on SIGTERM");
            assertEquals(143, process.exitValue());
            assertTrue(Files.readString(log).contains("airwarn stopped"), Files.readString(log));
        }

        /** kill -9: no shutdown hook runs. */
        public void kill() throws InterruptedException {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws InterruptedException {
            if (process.isAlive()) {
                kill();
            }
        }
    }

    public static Process launch(Map<String, String> env, Path log, String... args) throws IOException {
        // Quick-starting JVMs: the tests start the application some twenty times on two cores, and C1-compiled code
        // with the serial collector cut the integration tests by about 30 % (measured 2026-12-02). The application is
        // unchanged.
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(Path.of("").toAbsolutePath().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("AIRWARN_"));
        builder.environment().putAll(env);
        return builder.start();
    }

    /** Starts the server on {@code port} (0: a free one) and waits until it is ready. */
    public static Instance start(Map<String, String> env, Path log, int port) throws Exception {
        int listen = port == 0 ? freePort() : port;
        Map<String, String> all = new HashMap<>(env);
        all.put("QUARKUS_HTTP_PORT", Integer.toString(listen));
        int management = freePort();
        all.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(management));
        Instance instance = new Instance(launch(all, log), listen, management, log);
        await(instance.process(), log, instance.management("/q/health/ready"));
        return instance;
    }

    /** Waits until {@code ready} answers 200, failing if the process exits first or the startup time passes. */
    public static void await(Process process, Path log, URI ready) throws Exception {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("the process exited during startup:\n" + Files.readString(log));
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep polling until the deadline
            }
            process.waitFor(200, TimeUnit.MILLISECONDS);
        }
        process.destroyForcibly();
        throw new AssertionError("not ready within " + STARTUP + ":\n" + Files.readString(log));
    }

    /** An HTTP Basic Authorization header value. */
    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
