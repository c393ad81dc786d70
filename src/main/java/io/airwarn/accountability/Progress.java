package io.airwarn.accountability;

import java.util.Locale;

/**
 * Where a unit stands against a target in a year, with the arithmetic spelled out. Progress is judged only on
 * valid annual statistics (324 valid days); otherwise the status says the data are insufficient, and
 * {@code statistic} still shows the value so far (the year-to-date mean or percentile) with its valid days.
 */
public record Progress(Target target, int year, Double value, Double previousValue, Status status,
                       String arithmetic, PeriodStatistics.Value statistic) {

    public enum Status {
        ON_TRACK("进度达标", "on track"), BEHIND("进度滞后", "behind"), MET("已达标", "met"), NOT_MET("未达标", "not met"),
        DECLINING("同比下降", "declining"), NOT_DECLINING("未同比下降", "not declining"),
        BASELINE_MISSING("缺少基准", "baseline missing"), INSUFFICIENT_DATA("有效数据不足", "insufficient data");

        private final String zh;
        private final String en;

        Status(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }

        /** The status as the public page writes it. */
        public String zh() {
            return zh;
        }

        public String en() {
            return en;
        }
    }

    /**
     * @param now       the year's statistic (null without valid data)
     * @param yearEarlier the year before's statistic, for the year-on-year rule
     */
    public static Progress of(Target t, int year, PeriodStatistics.Value now, PeriodStatistics.Value yearEarlier) {
        Double value = now != null && now.valid() ? now.value() : null;
        Double previous = yearEarlier != null && yearEarlier.valid() ? yearEarlier.value() : null;
        String days = now == null ? "no data" : now.validDays() + " of the " + now.requiredDays() + " valid days needed";
        if (value == null) {
            return new Progress(t, year, null, previous, Status.INSUFFICIENT_DATA, year + ": " + days, now);
        }
        return switch (t.kind()) {
            case GRADE_II -> {
                boolean met = value <= t.pollutant().gradeTwoLimit();
                yield new Progress(t, year, value, previous, met ? Status.MET : Status.NOT_MET, String.format(
                        Locale.ROOT, "%s %s %.1f %s Grade II limit %.1f", year, t.pollutant().method(), value,
                        met ? "<=" : ">", t.pollutant().gradeTwoLimit()), now);
            }
            case YEAR_ON_YEAR_DECLINE -> previous == null
                    ? new Progress(t, year, value, null, Status.INSUFFICIENT_DATA, (year - 1) + ": no valid annual value",
                            now)
                    : new Progress(t, year, value, previous, value < previous ? Status.DECLINING : Status.NOT_DECLINING,
                            String.format(Locale.ROOT, "%d %.1f against %d %.1f: %+.1f %%", year, value, year - 1,
                                    previous, 100 * (value - previous) / previous), now);
            case REDUCTION -> reduction(t, year, value, previous, now);
        };
    }

    private static Progress reduction(Target t, int year, double value, Double previous,
                                      PeriodStatistics.Value now) {
        if (t.baselineValue() == null) {
            return new Progress(t, year, value, previous, Status.BASELINE_MISSING, String.format(Locale.ROOT,
                    "%d %.1f; the %d baseline has not been entered", year, value, t.baselineYear()), now);
        }
        double achieved = 100 * (value - t.baselineValue()) / t.baselineValue();
        double share = Math.min(1.0, (double) (year - t.baselineYear()) / (t.targetYear() - t.baselineYear()));
        double expected = -t.reductionPercent() * share;
        boolean onTrack = achieved <= expected;
        return new Progress(t, year, value, previous, onTrack ? Status.ON_TRACK : Status.BEHIND, String.format(
                Locale.ROOT, "(%.1f - %.1f) / %.1f = %+.1f %% against %d; a straight line to -%.0f %% in %d asks "
                        + "%+.1f %% by %d: %s", value, t.baselineValue(), t.baselineValue(), achieved,
                t.baselineYear(), t.reductionPercent(), t.targetYear(), expected, year,
                onTrack ? "on track" : "behind"), now);
    }
}
