package io.airwarn.forecast;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * The reference that knows only the calendar: for each month, the mean AQI of the training days in that month and
 * how often they were above 200 and above 300 (all training days where a month has none).
 */
public final class Climatology {

    private final double[] meanAqi = new double[13];
    private final double[] above200 = new double[13];
    private final double[] above300 = new double[13];

    /** Built from the days of {@code series} before {@code cutoff}. */
    public Climatology(DailySeries series, LocalDate cutoff) {
        this(daysOf(series, cutoff), cutoff);
    }

    /** Built from the daily AQI of the days before {@code cutoff}. */
    public Climatology(Map<LocalDate, Integer> aqiByDay, LocalDate cutoff) {
        double[] sum = new double[13];
        int[] count = new int[13];
        int[] n200 = new int[13];
        int[] n300 = new int[13];
        for (Map.Entry<LocalDate, Integer> day : aqiByDay.entrySet()) {
            LocalDate d = day.getKey();
            Integer aqi = day.getValue();
            if (aqi != null && d.isBefore(cutoff)) {
                for (int m : new int[] {0, d.getMonthValue()}) {
                    sum[m] += aqi;
                    count[m]++;
                    n200[m] += aqi > 200 ? 1 : 0;
                    n300[m] += aqi > 300 ? 1 : 0;
                }
            }
        }
        if (count[0] == 0) {
            throw new IllegalArgumentException("no days with a valid daily AQI before " + cutoff);
        }
        for (int m = 0; m <= 12; m++) {
            int source = count[m] > 0 ? m : 0;
            meanAqi[m] = sum[source] / count[source];
            above200[m] = (double) n200[source] / count[source];
            above300[m] = (double) n300[source] / count[source];
        }
    }

    private static Map<LocalDate, Integer> daysOf(DailySeries series, LocalDate cutoff) {
        Map<LocalDate, Integer> days = new HashMap<>();
        for (LocalDate d = series.firstDay(); d.isBefore(cutoff) && !d.isAfter(series.lastDay()); d = d.plusDays(1)) {
            days.put(d, series.aqi(d));
        }
        return days;
    }

    public Prediction forecast(LocalDate target, int observedAqi) {
        int m = target.getMonthValue();
        return new Prediction(meanAqi[m], observedAqi, above200[m], above300[m]);
    }
}
