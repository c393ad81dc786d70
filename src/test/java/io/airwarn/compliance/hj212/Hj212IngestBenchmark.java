package io.airwarn.compliance.hj212;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ingest on loopback: 2,000 simulated devices connected to an {@link Hj212Server} whose handler takes everything,
 * each sending its next hourly upload (2061, Flag=5) as soon as its 9014 came, for 20 s after a 5 s warm-up. Prints
 * frames/s, the time from write to 9014 (p50, p99, max) and the heap used (after a GC) before the server started,
 * with the devices connected and after the run; appends the line to target/hj212-benchmark.txt.
 *
 * <p>Devices and server share the machine, so the figures are what both together reach. Arguments (all optional):
 * devices, seconds, load threads, server event loops.
 */
public final class Hj212IngestBenchmark {

    private static final Map<String, DeviceSimulator.HourValues> VALUES = Map.of(
            "a21026", new DeviceSimulator.HourValues(35.2, 37.714, 1.83, "N"),
            "a21002", new DeviceSimulator.HourValues(120.5, 129.107, 6.264, "N"),
            "a34013", new DeviceSimulator.HourValues(8.1, 8.679, 0.421, "N"),
            "a19001", new DeviceSimulator.HourValues(9.8, null, null, "N"),
            "a00000", new DeviceSimulator.HourValues(14.44, null, 51984.0, "N"));

    private Hj212IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int loadThreads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int instances = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        System.out.println(run(devices, Duration.ofSeconds(seconds), loadThreads, instances));
    }

    static String run(int devices, Duration duration, int loadThreads, int instances) throws Exception {
        long heapBefore = heapUsed();
        Vertx vertx = Vertx.vertx();
        AtomicLong accepted = new AtomicLong();
        Hj212Handler everything = new Hj212Handler() {
            @Override
            public Check device(String mn, String pw) {
                return Check.OK;
            }

            @Override
            public CompletionStage<Void> accept(Message message, String remote) {
                accepted.incrementAndGet();
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public void refused(String mn, String remote, Refusal refusal) {
            }
        };
        Hj212Server server = await(Hj212Server.start(vertx, 0, everything, Hj212Server.Settings.defaults()
                .withHost("127.0.0.1").withInstances(instances)));
        String line;
        try (DeviceSimulator simulator = new DeviceSimulator("127.0.0.1", server.port(), Clock.systemUTC())) {
            long connectStart = System.nanoTime();
            for (int i = 0; i < devices; i++) {
                simulator.connect(String.format("3101120000A%013d", i), "123456");
            }
            double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
            while (server.connections() < devices) {
                Thread.sleep(10);
            }
            long heapConnected = heapUsed();
            LocalDateTime hour = LocalDateTime.of(2020, 1, 1, 0, 0);
            simulator.hourlyLoad(Duration.ofSeconds(5), loadThreads, hour, VALUES);
            long framesBefore = server.counters().frames();
            DeviceSimulator.LoadReport report = simulator.hourlyLoad(duration, loadThreads, hour.plusYears(1), VALUES);
            long serverFrames = server.counters().frames() - framesBefore;
            long heapAfter = heapUsed();
            line = String.format("HJ 212 ingest, %d devices on loopback, %d load threads, %d server event loop(s), "
                    + "%d s: %.0f frames/s answered (%d), 9014 after p50 %.2f ms, p99 %.2f ms, max %.1f ms; "
                    + "unanswered %d, unexpected %d, server frames %d, refused %d; connect %.1f s; heap used after GC "
                    + "%.1f MB before, %.1f MB with the devices connected, %.1f MB after the run", devices,
                    loadThreads, instances, duration.toSeconds(), report.framesPerSecond(), report.answered(),
                    report.p50Nanos() / 1e6, report.p99Nanos() / 1e6, report.maxNanos() / 1e6, report.unanswered(),
                    report.unexpected(), serverFrames, refusedTotal(server.counters()), connectSeconds,
                    heapBefore / 1e6, heapConnected / 1e6, heapAfter / 1e6);
        } finally {
            await(server.close());
            await(vertx.close());
        }
        append(line);
        return line;
    }

    private static long refusedTotal(Hj212Counters counters) {
        long total = 0;
        for (Refusal.Reason reason : Refusal.Reason.values()) {
            total += counters.refused(reason);
        }
        return total;
    }

    private static long heapUsed() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static void append(String line) throws IOException {
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            Files.writeString(target.resolve("hj212-benchmark.txt"), line + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
}
