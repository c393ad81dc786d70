package io.airwarn.forecast;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * One day of a city: the day's meteorology and, per pollutant it has, the daily value (null unless the day had
 * enough valid hours) and its 24 hourly means, hour 0..23 Beijing time, NaN where unknown.
 */
public record DailyRecord(LocalDate date, DailyMet met, Map<ForecastPollutant, Concentration> pollutants) {

    public static final int HOURS = 24;

    /** One pollutant's day: the daily value (24-hour mean, or O3's maximum 8-hour mean) and the hourly values. */
    public record Concentration(Double daily, double[] hourly) {

        public Concentration {
            if (hourly == null) {
                hourly = unknownHours();
            } else if (hourly.length != HOURS) {
                throw new IllegalArgumentException("a day has " + HOURS + " hourly values, not " + hourly.length);
            }
        }
    }

    public DailyRecord {
        pollutants = Collections.unmodifiableMap(pollutants.isEmpty() ? new EnumMap<>(ForecastPollutant.class)
                : new EnumMap<>(pollutants));
    }

    /** A day with PM2.5 only. */
    public DailyRecord(LocalDate date, Double pm25, DailyMet met, double[] hourlyPm25) {
        this(date, met, Map.of(ForecastPollutant.PM2_5, new Concentration(pm25, hourlyPm25)));
    }

    /** A day known only by its daily PM2.5: its hours are taken to be the mean (older stored days, fixtures). */
    public DailyRecord(LocalDate date, Double pm25, DailyMet met) {
        this(date, pm25, met, flat(pm25));
    }

    /** The pollutant's daily value, or null. */
    public Double daily(ForecastPollutant pollutant) {
        Concentration c = pollutants.get(pollutant);
        return c == null ? null : c.daily();
    }

    /** The pollutant's mean in an hour 0..23, NaN when unknown. */
    public double hourly(ForecastPollutant pollutant, int hour) {
        Concentration c = pollutants.get(pollutant);
        return c == null ? Double.NaN : c.hourly()[hour];
    }

    static double[] unknownHours() {
        double[] hours = new double[HOURS];
        Arrays.fill(hours, Double.NaN);
        return hours;
    }

    private static double[] flat(Double value) {
        double[] hours = unknownHours();
        if (value != null) {
            Arrays.fill(hours, value);
        }
        return hours;
    }
}
