package io.airwarn.forecast;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * One day of a city: the daily mean PM2.5 (null unless 20 valid hours), the day's meteorology and its 24 hourly
 * PM2.5 means, hour 0..23 Beijing time, NaN where unknown.
 */
public record DailyRecord(LocalDate date, Double pm25, DailyMet met, double[] hourlyPm25) {

    public static final int HOURS = 24;

    public DailyRecord {
        if (hourlyPm25 == null) {
            hourlyPm25 = unknownHours();
        } else if (hourlyPm25.length != HOURS) {
            throw new IllegalArgumentException("a day has " + HOURS + " hourly values, not " + hourlyPm25.length);
        }
    }

    /** A day known only by its daily mean: its hours are taken to be the mean (older stored days, fixtures). */
    public DailyRecord(LocalDate date, Double pm25, DailyMet met) {
        this(date, pm25, met, flat(pm25));
    }

    static double[] unknownHours() {
        double[] hours = new double[HOURS];
        Arrays.fill(hours, Double.NaN);
        return hours;
    }

    private static double[] flat(Double pm25) {
        double[] hours = unknownHours();
        if (pm25 != null) {
            Arrays.fill(hours, pm25);
        }
        return hours;
    }
}
