package io.airwarn.compliance;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Whether an enterprise cut its emissions as ordered, from its stacks' hourly values (pure). An hour's emission rate
 * is the sum over its stacks of SO2, NOx and dust in kg/h (the hour's -Cou, else concentration x flow); the baseline
 * is the mean rate at the same hour of day over the baseline days; the measured cut is 1 - rate / baseline. Only
 * hours whose every value is flagged N (normal) are evidence; any other flag, or a silent stack, leaves the hour
 * without a verdict. Three consecutive valid hours short of the required cut make the enterprise NOT_COMPLIANT.
 */
public final class Curtailment {

    /** The pollutants whose emissions the plans' cuts are stated in: SO2, NOx, dust, in this order. */
    public static final List<String> POLLUTANTS = List.of("a21026", "a21002", "a34013");
    /** The waste-gas flow (m³/s), for hours that report a concentration but no total. */
    public static final String FLOW = "a00000";
    public static final int SHORT_RUN = 3;
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final Duration HOUR = Duration.ofHours(1);

    private Curtailment() {
    }

    public enum Status { COMPLIANT, NOT_COMPLIANT, NO_DATA, NO_DEVICE }

    /** One stored hourly value of a stack. */
    public record StackHour(String mn, String pollutant, Instant hour, Double avg, Double cou, String flag) {
    }

    /**
     * An hour of the response: the enterprise's rate and baseline (kg/h), the cut required then, and for a valid hour
     * what each pollutant's emissions fell short of its baseline (kg, in the order of {@link #POLLUTANTS}).
     */
    public record Hour(Instant hour, Double rate, Double baseline, double requiredCut, Verdict verdict,
                       double[] avoidedKg) {

        public Double measuredCut() {
            return rate == null || baseline == null || baseline <= 0 ? null : 1 - rate / baseline;
        }
    }

    public enum Verdict { MET, SHORT, NO_VERDICT }

    /** The verdict over the response so far. */
    public record Result(Status status, List<Hour> hours, Double measuredCut, int validHours) {
    }

    /**
     * The baseline as it is gathered, a stack at a time (a unit's baseline days are millions of values): per stack and
     * hour of day, the sums of each pollutant's rate over the valid hours, and their count.
     */
    public static final class Baseline {
        private final Map<String, Map<Integer, double[]>> sums = new HashMap<>();

        /** Adds values; all the values of an hour of a stack must come in one call. */
        public void add(List<StackHour> values) {
            rates(values).forEach((key, rate) -> {
                if (rate != null) {
                    double[] sum = sums.computeIfAbsent(key.mn(), k -> new HashMap<>()).computeIfAbsent(
                            key.hour().atZone(BEIJING).getHour(), k -> new double[POLLUTANTS.size() + 1]);
                    for (int p = 0; p < POLLUTANTS.size(); p++) {
                        sum[p] += rate[p];
                    }
                    sum[POLLUTANTS.size()]++;
                }
            });
        }

        double[] at(String mn, int hourOfDay) {
            return sums.getOrDefault(mn, Map.of()).get(hourOfDay);
        }
    }

    /**
     * @param stacks        the enterprise's devices
     * @param baseline      the stacks' baseline (other warnings' periods already left out)
     * @param responseHours the stacks' values since the response started
     * @param required      the cut required at each response hour (0..1), or null where no order applies
     * @param from          the first response hour; {@code to} the end (exclusive) of the last whole hour
     */
    public static Result check(List<String> stacks, Baseline baseline, List<StackHour> responseHours,
                               Function<Instant, Double> required, Instant from, Instant to) {
        if (stacks.isEmpty()) {
            return new Result(Status.NO_DEVICE, List.of(), null, 0);
        }
        Map<StackKey, double[]> response = rates(responseHours);
        List<Hour> hours = new ArrayList<>();
        int run = 0;
        boolean shortRun = false;
        double rateSum = 0;
        double baselineSum = 0;
        int valid = 0;
        for (Instant hour = from; !hour.plus(HOUR).isAfter(to); hour = hour.plus(HOUR)) {
            Double cut = required.apply(hour);
            if (cut == null) {
                run = 0;
                continue;
            }
            double[] rate = new double[POLLUTANTS.size()];
            double[] baselineRate = new double[POLLUTANTS.size()];
            boolean complete = true;
            int hourOfDay = hour.atZone(BEIJING).getHour();
            for (String mn : stacks) {
                double[] stackRate = response.get(new StackKey(mn, hour));
                double[] b = baseline.at(mn, hourOfDay);
                if (stackRate == null || b == null) {
                    complete = false;
                    break;
                }
                for (int p = 0; p < POLLUTANTS.size(); p++) {
                    rate[p] += stackRate[p];
                    baselineRate[p] += b[p] / b[POLLUTANTS.size()];
                }
            }
            double total = complete ? sum(rate) : 0;
            double base = complete ? sum(baselineRate) : 0;
            Verdict verdict = !complete || base <= 0 ? Verdict.NO_VERDICT
                    : 1 - total / base + 1e-9 >= cut ? Verdict.MET : Verdict.SHORT;
            double[] avoided = new double[POLLUTANTS.size()];
            if (verdict != Verdict.NO_VERDICT) {
                for (int p = 0; p < POLLUTANTS.size(); p++) {
                    avoided[p] = baselineRate[p] - rate[p];
                }
            }
            hours.add(new Hour(hour, complete ? total : null, complete ? base : null, cut, verdict, avoided));
            if (verdict == Verdict.NO_VERDICT) {
                run = 0;
                continue;
            }
            valid++;
            rateSum += total;
            baselineSum += base;
            run = verdict == Verdict.SHORT ? run + 1 : 0;
            shortRun |= run >= SHORT_RUN;
        }
        Double measured = valid == 0 ? null : 1 - rateSum / baselineSum;
        Status status = valid == 0 ? Status.NO_DATA : shortRun ? Status.NOT_COMPLIANT : Status.COMPLIANT;
        return new Result(status, hours, measured, valid);
    }

    private static double sum(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum;
    }

    private record StackKey(String mn, Instant hour) {
    }

    /** Each stack's total emission rate (kg/h) by hour; an hour without valid values is left out. */
    public static Map<String, Map<Instant, Double>> stackRates(List<StackHour> values) {
        Map<String, Map<Instant, Double>> byStack = new HashMap<>();
        rates(values).forEach((key, rate) -> {
            if (rate != null) {
                byStack.computeIfAbsent(key.mn(), k -> new HashMap<>()).put(key.hour(), sum(rate));
            }
        });
        return byStack;
    }

    /**
     * Each stack-hour's emission rate of each pollutant in kg/h (0 for one the stack does not measure), or null when
     * a value of that hour is not flagged normal or no pollutant's rate can be worked out.
     */
    static Map<StackKey, double[]> rates(List<StackHour> values) {
        Map<StackKey, List<StackHour>> byHour = new HashMap<>();
        values.forEach(v -> byHour.computeIfAbsent(new StackKey(v.mn(), v.hour()), k -> new ArrayList<>()).add(v));
        Map<StackKey, double[]> rates = new HashMap<>();
        byHour.forEach((key, hour) -> rates.put(key, rate(hour)));
        return rates;
    }

    private static double[] rate(List<StackHour> hour) {
        Double flow = null;
        for (StackHour v : hour) {
            if (!"N".equals(v.flag())) {
                return null;
            }
            if (FLOW.equals(v.pollutant())) {
                flow = v.avg();
            }
        }
        double[] kg = new double[POLLUTANTS.size()];
        boolean any = false;
        for (StackHour v : hour) {
            int p = POLLUTANTS.indexOf(v.pollutant());
            if (p < 0) {
                continue;
            }
            // mg/m³ x m³/s x 3600 s/h x 1e-6 kg/mg = kg/h (HJ 212-2017 appendix D).
            Double rate = v.cou() != null ? v.cou() : v.avg() != null && flow != null ? v.avg() * flow * 3600e-6 : null;
            if (rate == null) {
                return null;
            }
            kg[p] += rate;
            any = true;
        }
        return any ? kg : null;
    }
}
