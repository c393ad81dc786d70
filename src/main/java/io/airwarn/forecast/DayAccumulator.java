package io.airwarn.forecast;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a day's hours into a {@link DailyRecord}: means of hourly means, precipitation summed over the day, the
 * lowest and highest hourly temperature, and each pollutant's hours and daily value: the mean of 20 valid hours for
 * PM2.5 and PM10, for ozone the highest of the day's 8-hour means (those ending 7:00..23:00, each of 6 valid hours;
 * 14 of them needed), as GB 3095-2012 counts them.
 */
final class DayAccumulator {

    /** 8-hour ozone means that a daily maximum needs, and valid hours that an 8-hour mean needs. */
    static final int MIN_O3_8H_MEANS = 14;
    static final int MIN_HOURS_OF_8 = 6;

    private final Map<ForecastPollutant, double[]> hourly = new EnumMap<>(ForecastPollutant.class);
    private final HourAccumulator.Mean temperature = new HourAccumulator.Mean();
    private final HourAccumulator.Mean dewPoint = new HourAccumulator.Mean();
    private final HourAccumulator.Mean pressure = new HourAccumulator.Mean();
    private final HourAccumulator.Mean windSpeed = new HourAccumulator.Mean();
    private final HourAccumulator.Mean precipitation = new HourAccumulator.Mean();
    private double temperatureMin = Double.POSITIVE_INFINITY;
    private double temperatureMax = Double.NEGATIVE_INFINITY;
    private final double[] quadrantShare = new double[InputFormat.Quadrant.values().length];
    private int windHours;

    static DayAccumulator of(List<HourAccumulator> hours) {
        DayAccumulator day = new DayAccumulator();
        for (HourAccumulator h : hours) {
            h.pollutants.forEach((p, mean) -> {
                if (mean.mean() != null) {
                    day.hourly.computeIfAbsent(p, k -> DailyRecord.unknownHours())[h.hour] = mean.mean();
                }
            });
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
        boolean wind = windHours >= HourlyFileReader.MIN_MET_HOURS;
        DailyMet met = new DailyMet(met(temperature), met(dewPoint), met(pressure), met(windSpeed),
                precipitation.count >= HourlyFileReader.MIN_MET_HOURS ? precipitation.sum : null,
                share(wind, InputFormat.Quadrant.NORTH_WEST), share(wind, InputFormat.Quadrant.NORTH_EAST),
                share(wind, InputFormat.Quadrant.SOUTH_EAST), share(wind, InputFormat.Quadrant.CALM),
                met(temperature) == null ? null : temperatureMin, met(temperature) == null ? null : temperatureMax);
        Map<ForecastPollutant, DailyRecord.Concentration> pollutants = new EnumMap<>(ForecastPollutant.class);
        hourly.forEach((p, hours) -> pollutants.put(p, new DailyRecord.Concentration(daily(p, hours), hours)));
        return new DailyRecord(date, met, pollutants);
    }

    /** The daily value from a day's hours, or null with too few valid hours. */
    static Double daily(ForecastPollutant pollutant, double[] hours) {
        if (pollutant == ForecastPollutant.O3_8H) {
            return maximum8HourMean(hours);
        }
        HourAccumulator.Mean mean = new HourAccumulator.Mean();
        for (double h : hours) {
            mean.add(Double.isNaN(h) ? null : h);
        }
        return mean.count >= HourlyFileReader.MIN_PM_HOURS ? mean.mean() : null;
    }

    private static Double maximum8HourMean(double[] hours) {
        Double max = null;
        int means = 0;
        for (int end = 8; end <= DailyRecord.HOURS; end++) {
            HourAccumulator.Mean mean = new HourAccumulator.Mean();
            for (int h = end - 8; h < end; h++) {
                mean.add(Double.isNaN(hours[h]) ? null : hours[h]);
            }
            if (mean.count >= MIN_HOURS_OF_8) {
                means++;
                max = max == null ? mean.mean() : Math.max(max, mean.mean());
            }
        }
        return means >= MIN_O3_8H_MEANS ? max : null;
    }

    private static Double met(HourAccumulator.Mean mean) {
        return mean.count >= HourlyFileReader.MIN_MET_HOURS ? mean.mean() : null;
    }

    private Double share(boolean known, InputFormat.Quadrant q) {
        return known ? quadrantShare[q.ordinal()] / windHours : null;
    }
}
