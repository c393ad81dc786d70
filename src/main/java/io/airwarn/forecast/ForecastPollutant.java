package io.airwarn.forecast;

import io.airwarn.aqi.AqiCalculator;
import io.airwarn.aqi.AqiItem;
import io.airwarn.aqi.BreakpointTable;
import io.airwarn.aqi.ReportedConcentration;

/**
 * The pollutants whose daily sub-index is forecast; the day's AQI is the highest of them (HJ 633-2012). Each is
 * forecast from its own hourly values: PM2.5 and PM10 by their 24-hour mean, ozone by its daily maximum 8-hour mean
 * from hourly O3.
 */
public enum ForecastPollutant {
    PM2_5(AqiItem.PM2_5_24H, "PM2.5"),
    PM10(AqiItem.PM10_24H, "PM10"),
    O3_8H(AqiItem.O3_8H, "O3-8h");

    private final AqiItem item;
    private final String label;

    ForecastPollutant(AqiItem item, String label) {
        this.item = item;
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The sub-index of a daily concentration. Above the O3 8-hour table's top HJ 633 turns to the 1-hour value,
     * which a daily forecast does not have; such a forecast keeps the top 8-hour sub-index.
     */
    public int subIndex(BreakpointTable table, double concentration) {
        double c = Math.max(0, concentration);
        if (this == O3_8H) {
            c = Math.min(c, table.column(item).top().doubleValue());
        }
        return AqiCalculator.subIndex(table, item, ReportedConcentration.round(item.pollutant(), c));
    }

    /** The highest concentration whose sub-index is at most {@code aqi}. */
    public double concentrationAtMost(BreakpointTable table, int aqi) {
        return AqiCalculator.concentrationAtMost(table, item, aqi).doubleValue();
    }
}
