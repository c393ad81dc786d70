package io.airwarn.aqi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HJ 633-2012 sub-indices and AQI. Pure: a function of a breakpoint table and concentrations.
 * Arithmetic is exact (BigDecimal), so a concentration sitting on a breakpoint gives that breakpoint's IAQI and
 * the upward rounding never turns 100 into 101 through a floating-point residue.
 */
public final class AqiCalculator {

    private static final int PRIMARY_POLLUTANT_THRESHOLD = 50;
    private static final int EXCEEDING_THRESHOLD = 100;

    private AqiCalculator() {
    }

    /**
     * Calculates the AQI of the given concentrations (μg/m³, CO in mg/m³, all non-negative).
     *
     * @return empty when no item gives a sub-index (only a truncated item above its top was given)
     */
    public static Optional<AqiResult> calculate(BreakpointTable table, Map<AqiItem, BigDecimal> concentrations) {
        Map<AqiItem, Integer> iaqi = new EnumMap<>(AqiItem.class);
        List<AqiItem> unused = new ArrayList<>();
        for (Map.Entry<AqiItem, BigDecimal> entry : concentrations.entrySet()) {
            AqiItem item = entry.getKey();
            BigDecimal concentration = entry.getValue();
            if (concentration.signum() < 0) {
                throw new IllegalArgumentException(item + " concentration is negative: " + concentration);
            }
            if (table.isTruncated(item) && concentration.compareTo(table.column(item).top()) > 0) {
                unused.add(item);
            } else {
                iaqi.put(item, subIndex(table, item, concentration));
            }
        }
        if (iaqi.isEmpty()) {
            return Optional.empty();
        }
        int aqi = Collections.max(iaqi.values());
        List<AqiItem> primary = new ArrayList<>();
        List<AqiItem> exceeding = new ArrayList<>();
        iaqi.forEach((item, value) -> {
            if (aqi > PRIMARY_POLLUTANT_THRESHOLD && value == aqi) {
                primary.add(item);
            }
            if (value > EXCEEDING_THRESHOLD) {
                exceeding.add(item);
            }
        });
        return Optional.of(new AqiResult(aqi, AqiCategory.of(aqi), Collections.unmodifiableMap(iaqi),
                List.copyOf(primary), List.copyOf(exceeding), List.copyOf(unused)));
    }

    /**
     * The highest concentration whose sub-index is at most {@code iaqi}: a sub-index above {@code iaqi} means a
     * concentration above this value. For example PM2.5 24 h: 150 for 200, 250 for 300, 498.5 for 499.
     */
    public static BigDecimal concentrationAtMost(BreakpointTable table, AqiItem item, int iaqi) {
        List<BigDecimal> breakpoints = table.column(item).breakpoints();
        List<Integer> levels = table.iaqiLevels();
        for (int i = 1; i < breakpoints.size(); i++) {
            if (iaqi < levels.get(i)) {
                BigDecimal low = breakpoints.get(i - 1);
                BigDecimal span = breakpoints.get(i).subtract(low);
                return low.add(span.multiply(BigDecimal.valueOf(iaqi - levels.get(i - 1)))
                        .divide(BigDecimal.valueOf(levels.get(i) - levels.get(i - 1)), 10, RoundingMode.HALF_EVEN));
            }
        }
        return table.column(item).top();
    }

    /**
     * IAQI of one item: linear interpolation between the breakpoints around the concentration, rounded up;
     * the table's top IAQI above the last breakpoint.
     */
    public static int subIndex(BreakpointTable table, AqiItem item, BigDecimal concentration) {
        List<BigDecimal> breakpoints = table.column(item).breakpoints();
        List<Integer> levels = table.iaqiLevels();
        if (concentration.signum() == 0) {
            return levels.get(0);
        }
        for (int i = 1; i < breakpoints.size(); i++) {
            BigDecimal high = breakpoints.get(i);
            if (concentration.compareTo(high) <= 0) {
                BigDecimal low = breakpoints.get(i - 1);
                int iaqiLow = levels.get(i - 1);
                BigDecimal span = BigDecimal.valueOf(levels.get(i) - iaqiLow);
                BigDecimal above = span.multiply(concentration.subtract(low))
                        .divide(high.subtract(low), 0, RoundingMode.CEILING);
                return iaqiLow + above.intValueExact();
            }
        }
        return table.topIaqi();
    }
}
