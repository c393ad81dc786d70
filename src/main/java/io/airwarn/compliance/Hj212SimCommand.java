package io.airwarn.compliance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.airwarn.compliance.hj212.DeviceSimulator;
import io.airwarn.compliance.hj212.DeviceSimulator.HourValues;
import io.airwarn.core.WarningLevel;
import io.airwarn.plan.Plan;
import io.airwarn.plan.PlanReader;
import io.airwarn.plan.PlanSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hj212-sim --port P --unit 220100 --enterprises N --comply 0.8}: plays the stack monitors the unit's plan
 * registers, over HJ 212-2017 to a running AirWarn: normal production for the baseline days before the response
 * start, then the response hours, where the chosen share cuts as its plan requires at the level and the others do
 * not, or stay silent, or flag their values as maintenance. Prints what it planted (JSON), which the curtailment
 * check should find exactly. SAMPLE data: every value is made up.
 */
@Command(name = "hj212-sim", mixinStandardHelpOptions = true,
        description = "Play a unit's registered stack monitors (HJ 212-2017) against a running AirWarn.")
public class Hj212SimCommand implements Callable<Integer> {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Option(names = "--host", description = "AirWarn's address (default ${DEFAULT-VALUE}).")
    String host = "127.0.0.1";

    @Option(names = "--port", required = true, description = "AirWarn's HJ 212 port (AIRWARN_HJ212_PORT).")
    int port;

    @Option(names = "--unit", required = true, description = "The unit whose plan names the devices, e.g. 220100.")
    String unit;

    @Option(names = "--enterprises", description = "How many enterprises with monitors (default ${DEFAULT-VALUE}).")
    int enterprises = 50;

    @Option(names = "--comply", description = "Share that cuts as required (default ${DEFAULT-VALUE}).")
    double comply = 0.8;

    @Option(names = "--silent", description = "Share whose monitors go silent in the response (default "
            + "${DEFAULT-VALUE}).")
    double silent = 0.05;

    @Option(names = "--maintenance", description = "Share that flags its response values M (default "
            + "${DEFAULT-VALUE}).")
    double maintenance = 0.05;

    @Option(names = "--level", description = "The warning level whose cuts apply (default ${DEFAULT-VALUE}).")
    WarningLevel level = WarningLevel.RED;

    @Option(names = "--from", description = "The response start, ISO-8601 with offset (default: the current hour).")
    OffsetDateTime from;

    @Option(names = "--hours", description = "Response hours to send (default ${DEFAULT-VALUE}).")
    int hours = 6;

    @Option(names = "--baseline-days", description = "Days of normal production before it (default "
            + "${DEFAULT-VALUE}).")
    int baselineDays = 14;

    @Option(names = "--minutes", description = "Also send minute data (CN 2051) for the last response hour.")
    boolean minutes;

    @Option(names = "--plans", description = "The plans folder (default ${DEFAULT-VALUE}).")
    Path plans = Path.of(System.getenv().getOrDefault("AIRWARN_PLANS_DIR", "contingency-plans"));

    @Option(names = "--password", description = "The devices' password (default AIRWARN_HJ212_DEMO_PASSWORD or "
            + "123456).")
    String password = System.getenv().getOrDefault("AIRWARN_HJ212_DEMO_PASSWORD", "123456");

    @Option(names = "--threads", description = "Devices played at once (default ${DEFAULT-VALUE}).")
    int threads = 16;

    @Option(names = "--seed", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed = 1;

    /** What one enterprise was made to do. */
    public record Planted(String id, String status, String behaviour, double requiredCut, List<String> stacks) {
    }

    @Override
    public Integer call() throws Exception {
        check();
        Plan plan = plan();
        List<Planted> planted = plant(plan);
        OffsetDateTime start = (from == null ? OffsetDateTime.now(Clock.system(BEIJING)) : from).truncatedTo(ChronoUnit.HOURS);
        AtomicLong frames = new AtomicLong();
        long began = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<Planted> share = new ArrayList<>();
                for (int i = t; i < planted.size(); i += threads) {
                    share.add(planted.get(i));
                }
                work.add(pool.submit(() -> play(share, start, frames)));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("unit", unit);
        report.put("level", level);
        report.put("from", start.toString());
        report.put("hours", hours);
        report.put("frames", frames.get());
        report.put("seconds", Math.round((System.nanoTime() - began) / 1e7) / 100.0);
        report.put("enterprises", planted);
        System.out.println(new ObjectMapper().findAndRegisterModules().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(report));
        return 0;
    }

    private void check() {
        if (enterprises < 1 || comply < 0 || silent < 0 || maintenance < 0 || comply + silent + maintenance > 1
                || hours < 1 || baselineDays < 1 || threads < 1) {
            throw new IllegalArgumentException("--enterprises, --hours, --baseline-days and --threads must be "
                    + "positive, and --comply + --silent + --maintenance at most 1");
        }
    }

    private Plan plan() throws IOException {
        try (Stream<Path> folders = Files.list(plans)) {
            Path folder = folders.filter(f -> f.getFileName().toString().startsWith(unit + "-")
                    || f.getFileName().toString().equals(unit)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no plan folder for unit " + unit + " in "
                            + plans.toAbsolutePath()));
            PlanSource source = PlanReader.read(folder);
            if (source.plan() == null) {
                throw new IllegalArgumentException("the plan in " + folder + " cannot be read");
            }
            return source.plan();
        }
    }

    /** The first enterprises with monitors and a real cut at the level, each given a behaviour. */
    List<Planted> plant(Plan plan) {
        List<Plan.Enterprise> candidates = plan.enterprises().stream().filter(e -> !e.devices().isEmpty())
                .filter(e -> {
                    Double cut = ComplianceService.requiredCut(e, level);
                    return cut != null && cut >= 0.1 && cut <= 0.9;
                }).limit(enterprises).toList();
        if (candidates.size() < enterprises) {
            throw new IllegalArgumentException("the plan of " + unit + " has only " + candidates.size()
                    + " enterprises with monitors and a cut at " + level);
        }
        List<String> behaviours = new ArrayList<>();
        int n = candidates.size();
        int complying = (int) Math.round(n * comply);
        int silentOnes = (int) Math.round(n * silent);
        int flagged = (int) Math.round(n * maintenance);
        for (int i = 0; i < n; i++) {
            behaviours.add(i < complying ? "cuts" : i < complying + silentOnes ? "silent"
                    : i < complying + silentOnes + flagged ? "maintenance" : "does-not-cut");
        }
        Collections.shuffle(behaviours, new Random(seed));
        List<Planted> planted = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Plan.Enterprise e = candidates.get(i);
            String b = behaviours.get(i);
            planted.add(new Planted(e.id(), switch (b) {
                case "cuts" -> "COMPLIANT";
                case "does-not-cut" -> "NOT_COMPLIANT";
                default -> "NO_DATA";
            }, b, ComplianceService.requiredCut(e, level), e.devices()));
        }
        return planted;
    }

    private Void play(List<Planted> share, OffsetDateTime start, AtomicLong frames) throws IOException {
        Random random = new Random(seed + share.hashCode());
        try (DeviceSimulator devices = new DeviceSimulator(host, port, Clock.system(BEIJING))) {
            for (Planted p : share) {
                for (String mn : p.stacks()) {
                    devices.connect(mn, password);
                    double size = 5 + random.nextDouble() * 20;
                    LocalDateTime first = start.minusDays(baselineDays).atZoneSameInstant(BEIJING).toLocalDateTime();
                    LocalDateTime responseStart = start.atZoneSameInstant(BEIJING).toLocalDateTime();
                    for (LocalDateTime h = first; h.isBefore(responseStart); h = h.plusHours(1)) {
                        send(devices, mn, h, size * (0.95 + random.nextDouble() * 0.1), "N", frames);
                    }
                    if (p.behaviour().equals("silent")) {
                        continue;
                    }
                    double cut = p.behaviour().equals("cuts") ? Math.min(0.99, p.requiredCut() + 0.08)
                            : p.requiredCut() / 3;
                    String flag = p.behaviour().equals("maintenance") ? "M" : "N";
                    for (int i = 0; i < hours; i++) {
                        LocalDateTime h = responseStart.plusHours(i);
                        send(devices, mn, h, size * (1 - cut), flag, frames);
                        if (minutes && i == hours - 1) {
                            for (int m = 0; m < 60; m++) {
                                answered(devices.minute(mn, h.plusMinutes(m), values(size * (1 - cut), flag)), mn);
                                frames.incrementAndGet();
                            }
                        }
                    }
                }
            }
        }
        return null;
    }

    private static void send(DeviceSimulator devices, String mn, LocalDateTime hour, double kg, String flag,
                             AtomicLong frames) throws IOException {
        answered(devices.hourly(mn, hour, values(kg, flag)), mn);
        frames.incrementAndGet();
    }

    private static void answered(DeviceSimulator.Answer answer, String mn) {
        if (answer == null || !"9014".equals(answer.cn())) {
            throw new IllegalStateException("device " + mn + " got no data response (9014) from AirWarn: "
                    + (answer == null ? "no answer in 10 s" : "answer " + answer.reply()));
        }
    }

    /** An hour of {@code kg} kg/h of SO2, NOx and dust with plausible concentrations and flow. */
    private static Map<String, HourValues> values(double kg, String flag) {
        Map<String, HourValues> v = new LinkedHashMap<>();
        v.put("a21026", new HourValues(round(kg * 4), round(kg * 4.3), round(kg * 0.2), flag));
        v.put("a21002", new HourValues(round(kg * 12), round(kg * 12.9), round(kg * 0.7), flag));
        v.put("a34013", new HourValues(round(kg * 1.5), round(kg * 1.6), round(kg * 0.1), flag));
        v.put("a00000", new HourValues(round(14.4), null, round(51_840), flag));
        return v;
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
