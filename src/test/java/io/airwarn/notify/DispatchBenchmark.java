package io.airwarn.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Dispatch through the Twilio SDK to the sandbox gateway over HTTP on this machine: 20,000 queued messages, timed
 * until every one is settled, then checked against the gateway's own record: each message exactly once. The
 * subclasses set AirWarn's rate and the gateway's limit. Appends its line to target/dispatch-benchmark.txt.
 */
abstract class DispatchBenchmark {

    static final int MESSAGES = 20_000;

    @Inject
    Dispatcher dispatcher;

    @Inject
    SandboxGateway sandbox;

    @Inject
    Pool pool;

    void run(String name, int gatewayLimit) throws IOException {
        pool.query("UPDATE outbox SET status = 'CANCELLED' WHERE status IN ('QUEUED', 'RETRY', 'SENDING', 'UNKNOWN')")
                .execute().await().atMost(Duration.ofMinutes(1));
        sandbox.configure(new SandboxGateway.Settings(0, gatewayLimit, 0, 0, 15_000, 0));
        sandbox.clear();
        String batch = "bench-" + System.nanoTime();
        pool.preparedQuery("""
                INSERT INTO outbox (idempotency_key, unit, recipient_type, recipient_id, phone, body, priority,
                                    exercise, valid_until)
                SELECT $1 || '-' || i, '220100', 'PUBLIC', 'bench-' || i, '+8619' || lpad(i::text, 9, '0'),
                       '【演练 EXERCISE】benchmark message ' || $1 || '-' || i, 40, true, now() + interval '1 hour'
                FROM generate_series(1, $2) i""").execute(Tuple.of(batch, MESSAGES))
                .await().atMost(Duration.ofMinutes(1));
        long start = System.nanoTime();
        // Messages refused with 429 come back after their backoff: dispatch until every one is settled.
        long giveUp = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (countSettled(batch) < MESSAGES) {
            assertEquals(true, System.nanoTime() < giveUp, "settled within 10 minutes: " + countSettled(batch));
            dispatcher.dispatchAll();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<SandboxGateway.Received> received = sandbox.received();
        Set<String> bodies = new HashSet<>();
        received.forEach(m -> bodies.add(m.body()));
        assertEquals(MESSAGES, received.size(), "the gateway received each message once");
        assertEquals(MESSAGES, bodies.size(), "no message twice");
        double rate = MESSAGES / seconds;
        String line = String.format("%s (%d cores): %,d messages in %.1f s = %,.0f messages/s%s%n", name,
                Runtime.getRuntime().availableProcessors(), MESSAGES, seconds, rate,
                gatewayLimit > 0 ? String.format(", %.3f of the gateway's limit of %d/s", rate / gatewayLimit,
                        gatewayLimit) : "");
        System.out.print(line);
        Files.writeString(Path.of("target/dispatch-benchmark.txt"), line, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        sandbox.configure(SandboxGateway.Settings.DEFAULT);
    }

    private long countSettled(String batch) {
        return pool.preparedQuery("SELECT count(*) FROM outbox WHERE idempotency_key LIKE $1 || '-%' "
                        + "AND status NOT IN ('QUEUED', 'RETRY', 'SENDING', 'UNKNOWN')").execute(Tuple.of(batch))
                .await().atMost(Duration.ofMinutes(1)).iterator().next().getLong(0);
    }
}
