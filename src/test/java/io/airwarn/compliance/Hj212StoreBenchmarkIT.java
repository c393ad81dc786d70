package io.airwarn.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.airwarn.compliance.hj212.DeviceSimulator;
import io.airwarn.compliance.hj212.DeviceSimulator.HourValues;
import io.airwarn.compliance.hj212.DeviceSimulator.LoadReport;
import io.airwarn.plan.Plan;
import io.airwarn.plan.PlanReader;
import io.airwarn.platform.AppProcesses;
import io.airwarn.platform.AppProcesses.Instance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19's ingest figures for the real application, storage included: the packaged jar (heap as the README
 * recommends: -Xmx256m -XX:+UseSerialGC) with its embedded PostgreSQL, 2,000 devices of the SAMPLE plans connected
 * on loopback, each sending its next hourly upload as soon as its 9014 came (5 s warm-up, then 20 s measured). The
 * 9014 comes only once the frame's values are committed, so the test counts the rows stored against the frames
 * answered. Prints frames/s, the time to the 9014 and the application's resident memory; appends the line to
 * target/hj212-store-benchmark.txt. Each device waits for its answer, so the time to the 9014 is at least
 * devices / (frames/s) (Little's law). {@code -Dbench.devices} and {@code -Dbench.threads} change the load,
 * {@code -Dbench.jvm} the application's JAVA_TOOL_OPTIONS.
 */
@Tag("benchmark")
class Hj212StoreBenchmarkIT {

    private static final String JVM = System.getProperty("bench.jvm",
            "-Xmx256m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError");
    private static final int DEVICES = Integer.getInteger("bench.devices", 2000);
    private static final int THREADS = Integer.getInteger("bench.threads", 2);
    private static final Map<String, HourValues> VALUES = Map.of(
            "a21026", new HourValues(35.2, 37.714, 1.83, "N"),
            "a21002", new HourValues(120.5, 129.107, 6.264, "N"),
            "a34013", new HourValues(8.1, 8.679, 0.421, "N"),
            "a00000", new HourValues(14.44, 14.9, 51984.0, "N"));

    @TempDir
    Path temp;

    @Test
    void answeredFramesAreStored() throws Exception {
        Path data = temp.resolve("data");
        int hj212Port = AppProcesses.freePort();
        List<String> mns = registeredDevices(DEVICES);
        try (Instance app = AppProcesses.start(Map.of("AIRWARN_DATA_DIR", data.toString(), "AIRWARN_DEMO", "false",
                        "AIRWARN_HJ212_PORT", Integer.toString(hj212Port), "AIRWARN_HJ212_DEMO_DEVICES", "true",
                        "JAVA_TOOL_OPTIONS", JVM), temp.resolve("app.log"), 0);
             DeviceSimulator devices = new DeviceSimulator("127.0.0.1", hj212Port, Clock.systemUTC())) {
            long rssStarted = residentMb(app);
            for (String mn : mns) {
                devices.connect(mn, "123456");
            }
            long rowsBefore = count(data, "SELECT count(*) FROM stack_hour");
            LocalDateTime hour = LocalDateTime.of(2020, 1, 1, 0, 0);
            LoadReport warmUp = devices.hourlyLoad(Duration.ofSeconds(5), THREADS, hour, VALUES);
            LoadReport run = devices.hourlyLoad(Duration.ofSeconds(20), THREADS, hour.plusYears(1), VALUES);
            long rssAfter = residentMb(app);
            long answered = warmUp.answered() + run.answered();
            long rows = count(data, "SELECT count(*) FROM stack_hour") - rowsBefore;
            long counted = count(data, "SELECT coalesce(sum(frames), 0) FROM stack_device_status");

            String line = String.format("HJ 212 ingest with storage, packaged application (%s), %d devices on "
                    + "loopback, %d load threads, %d cores, 20 s: %.0f frames/s answered (%d), 9014 after p50 %.1f ms, "
                    + "p99 %.1f ms, max %.1f ms; unanswered %d, unexpected %d; stack_hour rows %d = %d answered "
                    + "frames (warm-up included) x %d: %s; resident memory %d MB started, %d MB after the run", JVM,
                    mns.size(), THREADS, Runtime.getRuntime().availableProcessors(), run.framesPerSecond(),
                    run.answered(), run.p50Nanos() / 1e6, run.p99Nanos() / 1e6, run.maxNanos() / 1e6,
                    run.unanswered(), run.unexpected(), rows, answered, VALUES.size(),
                    rows == answered * VALUES.size() ? "ok" : "MISMATCH", rssStarted, rssAfter);
            System.out.println(line);
            Files.writeString(Path.of("target/hj212-store-benchmark.txt"), line + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);

            assertEquals(0, warmUp.unanswered() + run.unanswered(), "every upload answered within 10 s");
            assertEquals(answered * VALUES.size(), rows, "each answered frame's values are stored");
            assertEquals(answered, counted, "each answered frame is counted in stack_device_status");
        }
    }

    /**
     * The figure as devices load a platform: {@code bench.rate} frames/s (default 5,000) offered evenly over
     * the connected devices, each frame timed from when it was due to its 9014 (so a late answer delays nothing
     * after it: no coordinated omission). A device still waiting for its previous answer when its next frame is due
     * counts as skipped, and the test fails: the platform did not keep up with the offered rate.
     */
    @Test
    void aSteadyRateIsAnsweredOnceStored() throws Exception {
        int rate = Integer.getInteger("bench.rate", 5000);
        int seconds = 20;
        Path data = temp.resolve("data");
        int hj212Port = AppProcesses.freePort();
        List<String> mns = registeredDevices(DEVICES);
        try (Instance app = AppProcesses.start(Map.of("AIRWARN_DATA_DIR", data.toString(), "AIRWARN_DEMO", "false",
                        "AIRWARN_HJ212_PORT", Integer.toString(hj212Port), "AIRWARN_HJ212_DEMO_DEVICES", "true",
                        "JAVA_TOOL_OPTIONS", JVM), temp.resolve("app.log"), 0);
             DeviceSimulator devices = new DeviceSimulator("127.0.0.1", hj212Port, Clock.systemUTC())) {
            for (String mn : mns) {
                devices.connect(mn, "123456");
            }
            LocalDateTime hour = LocalDateTime.of(2020, 1, 1, 0, 0);
            devices.hourlyLoad(Duration.ofSeconds(5), THREADS, hour, VALUES);
            ExecutorService pool = Executors.newFixedThreadPool(300);
            AtomicBoolean[] busy = new AtomicBoolean[mns.size()];
            for (int i = 0; i < busy.length; i++) {
                busy[i] = new AtomicBoolean();
            }
            int total = rate * seconds;
            long[] latency = new long[total];
            AtomicLong skipped = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            long period = 1_000_000_000L / rate;
            long start = System.nanoTime();
            for (int k = 0; k < total; k++) {
                long due = start + k * period;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                int d = k % mns.size();
                LocalDateTime h = hour.plusYears(1).plusHours(k / mns.size());
                int index = k;
                if (!busy[d].compareAndSet(false, true)) {
                    skipped.incrementAndGet();
                    latency[k] = Long.MAX_VALUE;
                    continue;
                }
                pool.execute(() -> {
                    try {
                        var answer = devices.hourly(mns.get(d), h, VALUES);
                        latency[index] = answer == null ? Long.MAX_VALUE : System.nanoTime() - due;
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        latency[index] = Long.MAX_VALUE;
                    } finally {
                        busy[d].set(false);
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(60, TimeUnit.SECONDS);
            double elapsed = (System.nanoTime() - start) / 1e9;
            long[] sorted = latency.clone();
            Arrays.sort(sorted);
            String line = String.format("HJ 212 steady load with storage: %d frames/s offered over %d devices, %d s (%.1f s to the last "
                    + "answer): 9014 after (from due time) p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms; "
                    + "skipped (device still busy) %d, failed %d; rows %d; %s", rate, mns.size(), seconds, elapsed,
                    sorted[total / 2] / 1e6, sorted[(int) (total * 0.99)] / 1e6, sorted[(int) (total * 0.999)] / 1e6,
                    sorted[total - 1] / 1e6, skipped.get(), failed.get(),
                    count(data, "SELECT count(*) FROM stack_hour"), JVM);
            System.out.println(line);
            Files.writeString(Path.of("target/hj212-store-benchmark.txt"), line + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            assertEquals(0, skipped.get() + failed.get(), line);
        }
    }

    /** The first {@code limit} stack monitors the plans in contingency-plans name (device_mn of enterprises.csv). */
    private static List<String> registeredDevices(int limit) throws IOException {
        Set<String> mns = new LinkedHashSet<>();
        try (Stream<Path> folders = Files.list(Path.of("contingency-plans"))) {
            for (Path folder : folders.filter(f -> Files.exists(f.resolve("plan.yaml"))).sorted().toList()) {
                Plan plan = PlanReader.read(folder).plan();
                if (plan != null) {
                    plan.enterprises().forEach(e -> mns.addAll(e.devices()));
                }
            }
        }
        List<String> first = new ArrayList<>(mns).subList(0, Math.min(limit, mns.size()));
        assertEquals(limit, first.size(), "registered devices in the sample plans");
        return first;
    }

    /** A count from the embedded PostgreSQL (port: line 4 of postmaster.pid; the installation's password). */
    private static long count(Path data, String query) throws SQLException, IOException {
        String port = Files.readAllLines(data.resolve("pg/postmaster.pid")).get(3).strip();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                "postgres", Files.readString(data.resolve("database-password")).strip());
             ResultSet r = c.createStatement().executeQuery(query)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static long residentMb(Instance app) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(app.process().pid()), "status")).stream()
                .filter(l -> l.startsWith("VmRSS:")).mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024)
                .findFirst().orElse(-1);
    }
}
