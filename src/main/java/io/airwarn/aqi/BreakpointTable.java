package io.airwarn.aqi;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One version of the IAQI breakpoint table (HJ 633-2012, or a revision), loaded from configuration.
 *
 * @param id                  identifier used in requests and stored rows, e.g. {@code HJ633-2012}
 * @param title               the standard's title
 * @param source              where the numbers come from
 * @param iaqiLevels          the IAQI values of the table's rows, from 0 to 500
 * @param columns             the breakpoints of each item
 * @param hourlyParticulates  which PM concentration the hourly (real-time) report uses
 */
public record BreakpointTable(String id, String title, String source, List<Integer> iaqiLevels,
                              Map<AqiItem, Column> columns, HourlyParticulates hourlyParticulates) {

    /** The concentration PM10 and PM2.5 hourly reports use: the trailing 24 h mean or the hour's own mean. */
    public enum HourlyParticulates { MOVING_24H, HOURLY }

    /**
     * Breakpoints of one item. A column shorter than the IAQI levels is truncated: above its last breakpoint the
     * item is not used and {@code aboveTopUse} stands instead (SO2 1 h above 800, O3 8 h above 800).
     */
    public record Column(List<BigDecimal> breakpoints, AqiItem aboveTopUse) {
        public BigDecimal top() {
            return breakpoints.get(breakpoints.size() - 1);
        }
    }

    public BreakpointTable {
        iaqiLevels = List.copyOf(iaqiLevels);
        columns = new EnumMap<>(columns);
    }

    public Column column(AqiItem item) {
        return columns.get(item);
    }

    public int topIaqi() {
        return iaqiLevels.get(iaqiLevels.size() - 1);
    }

    public boolean isTruncated(AqiItem item) {
        return column(item).breakpoints().size() < iaqiLevels.size();
    }
}
