package io.airwarn.notify;

import static io.airwarn.platform.Eventually.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.airwarn.platform.AppProcesses;
import io.airwarn.platform.AppProcesses.Instance;
import io.airwarn.warning.IssuedWarnings;
import io.restassured.RestAssured;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The notification figures with one and with two nodes (packaged jar processes on one PostgreSQL, the sandbox gateway
 * as its own process): a province-wide red approved for all twelve units at once through the nodes, the time until
 * its messages are all at the gateway, and 20,000 queued messages dispatched; then each node's resident memory. The
 * nodes run with the heap the README recommends ({@value #JVM}). Writes target/node-scaling-benchmark.txt.
 */
@Tag("benchmark")
class NodeScalingBenchmarkIT {

    private static final String COMMANDER = AppProcesses.basic("commander", "commander-demo");
    private static final int QUEUED = 20_000;
    static final String JVM = "-Xmx256m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError";

    @Test
    void oneAndTwoNodes() throws Exception {
        StringBuilder report = new StringBuilder(String.format("AirWarn notification figures by node count "
                + "(%d cores, all processes on this machine)%n", Runtime.getRuntime().availableProcessors()));
        for (int nodes : new int[] {1, 2, 1, 2}) {
            report.append(run(nodes)).append('\n');
            System.out.print(report);
        }
        Files.writeString(Path.of("target/node-scaling-benchmark.txt"), report);
    }

    private static String run(int nodeCount) throws Exception {
        try (SandboxCluster cluster = SandboxCluster.start("airwarn-scaling")) {
            List<Instance> nodes = new ArrayList<>();
            try {
                for (int i = 0; i < nodeCount; i++) {
                    nodes.add(AppProcesses.start(cluster.node(Map.of("QUARKUS_QUARTZ_INSTANCE_ID", "node-" + i,
                                    "JAVA_TOOL_OPTIONS", JVM)),
                            cluster.temp.resolve("node-" + i + ".log"), 0));
                }
                List<Integer> warnings = submitted(nodes.get(0));
                long start = System.nanoTime();
                approveAtOnce(nodes, warnings);
                long approvedMs = (System.nanoTime() - start) / 1_000_000;
                long messages = cluster.count("SELECT count(*) FROM outbox");
                await("the activations' messages at the gateway", Duration.ofMinutes(10),
                        () -> cluster.count("SELECT count(*) FROM outbox WHERE status NOT IN ('SENT', 'DELIVERED')")
                                == 0);
                long activationSentMs = (System.nanoTime() - start) / 1_000_000;

                cluster.execute("""
                        INSERT INTO outbox (idempotency_key, unit, recipient_type, recipient_id, phone, body, priority,
                                            exercise, valid_until)
                        SELECT 'bench-' || g, '220100', 'PUBLIC', 'bench-' || g, '+86137' || lpad(g::text, 8, '0'),
                               'AirWarn benchmark ' || g, 2, false, now() + interval '1 hour'
                        FROM generate_series(1, %d) g""".formatted(QUEUED));
                long queued = System.nanoTime();
                await("the queued messages at the gateway", Duration.ofMinutes(10),
                        () -> cluster.count("SELECT count(*) FROM outbox WHERE status NOT IN ('SENT', 'DELIVERED')")
                                == 0);
                double queuedSeconds = (System.nanoTime() - queued) / 1e9;
                assertEquals(messages + QUEUED, cluster.receivedCount(), "each message received once");
                List<String> memory = new ArrayList<>();
                for (Instance node : nodes) {
                    memory.add(residentMb(node) + " MB");
                }
                return String.format("  %d node(s): province-wide RED, 12 approvals at once: %,d ms; its %,d messages "
                        + "at the gateway %,d ms after the first approval; %,d queued messages in %.1f s = %,.0f/s; "
                        + "resident memory after: %s", nodeCount, approvedMs, messages, activationSentMs, QUEUED,
                        queuedSeconds, QUEUED / queuedSeconds, memory);
            } finally {
                for (Instance node : nodes) {
                    node.close();
                }
            }
        }
    }

    private static long residentMb(Instance node) throws java.io.IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(node.process().pid()), "status")).stream()
                .filter(l -> l.startsWith("VmRSS:")).mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024)
                .findFirst().orElse(-1);
    }

    /** Drafts and submits a red warning for each unit; their ids, waiting for approval. */
    private static List<Integer> submitted(Instance node) {
        int previousPort = RestAssured.port;
        RestAssured.port = node.port();
        try {
            return IssuedWarnings.ALL_UNITS.stream().map(unit -> IssuedWarnings.submitted(unit, "RED", 48)).toList();
        } finally {
            RestAssured.port = previousPort;
        }
    }

    /** All approvals sent at once, spread over the nodes as a load balancer would. */
    private static void approveAtOnce(List<Instance> nodes, List<Integer> warnings) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(warnings.size());
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < warnings.size(); i++) {
                Instance node = nodes.get(i % nodes.size());
                HttpRequest approve = HttpRequest.newBuilder(node.uri("/api/warnings/" + warnings.get(i) + "/actions"))
                        .header("Authorization", COMMANDER).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"action\": \"APPROVE\"}")).build();
                answers.add(pool.submit(() -> node.send(approve)));
            }
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> r = answer.get();
                assertEquals(200, r.statusCode(), r.body());
            }
        } finally {
            pool.shutdown();
        }
    }
}
