package io.airwarn.forecast;

import java.time.LocalDate;
import java.util.List;

/**
 * Turns a day's hours into a {@link DailyRecord}: means of hourly means, precipitation summed over the day, the
 * lowest and highest hourly temperature, and each hour's PM2.5.
 */
final class DayAccumulator {

    private final HourAccumulator.Mean pm = new HourAccumulator.Mean();
    private final HourAccumulator.Mean temperature = new HourAccumulator.Mean();
    private final HourAccumulator.Mean dewPoint = new HourAccumulator.Mean();
    private final HourAccumulator.Mean pressure = new HourAccumulator.Mean();
    private final HourAccumulator.Mean windSpeed = new HourAccumulator.Mean();
    private final HourAccumulator.Mean precipitation = new HourAccumulator.Mean();
    private final double[] hourlyPm = DailyRecord.unknownHours();
    private double temperatureMin = Double.POSITIVE_INFINITY;
    private double temperatureMax = Double.NEGATIVE_INFINITY;
    private final double[] quadrantShare = new double[InputFormat.Quadrant.values().length];
    private int windHours;

    static DayAccumulator of(List<HourAccumulator> hours) {
        DayAccumulator day = new DayAccumulator();
        for (HourAccumulator h : hours) {
            day.pm.add(h.pm.mean());
            if (h.pm.mean() != null) {
                day.hourlyPm[h.hour] = h.pm.mean();
            }
            day.temperature.add(h.temperature.mean());
            if (h.temperature.mean() != null) {
                day.temperatureMin = Math.min(day.temperatureMin, h.temperature.mean());
                day.temperatureMax = Math.max(day.temperatureMax, h.temperature.mean());
            }
            day.dewPoint.add(h.dewPoint.mean());
            day.pressure.add(h.pressure.mean());
            day.windSpeed.add(h.windSpeed.mean());
            day.precipitation.add(h.precipitation.mean());
            int total = 0;
            for (int q : h.quadrants) {
                total += q;
            }
            if (total > 0) {
                day.windHours++;
                for (int q = 0; q < h.quadrants.length; q++) {
                    day.quadrantShare[q] += (double) h.quadrants[q] / total;
                }
            }
        }
        return day;
    }

    DailyRecord toRecord(LocalDate date) {
        Double pm25 = pm.count >= HourlyFileReader.MIN_PM_HOURS ? pm.mean() : null;
        boolean wind = windHours >= HourlyFileReader.MIN_MET_HOURS;
        DailyMet met = new DailyMet(met(temperature), met(dewPoint), met(pressure), met(windSpeed),
                precipitation.count >= HourlyFileReader.MIN_MET_HOURS ? precipitation.sum : null,
                share(wind, InputFormat.Quadrant.NORTH_WEST), share(wind, InputFormat.Quadrant.NORTH_EAST),
                share(wind, InputFormat.Quadrant.SOUTH_EAST), share(wind, InputFormat.Quadrant.CALM),
                met(temperature) == null ? null : temperatureMin, met(temperature) == null ? null : temperatureMax);
        return new DailyRecord(date, pm25, met, hourlyPm);
    }

    private static Double met(HourAccumulator.Mean mean) {
        return mean.count >= HourlyFileReader.MIN_MET_HOURS ? mean.mean() : null;
    }

    private Double share(boolean known, InputFormat.Quadrant q) {
        return known ? quadrantShare[q.ordinal()] / windHours : null;
    }
}
