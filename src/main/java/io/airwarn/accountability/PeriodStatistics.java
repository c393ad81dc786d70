package io.airwarn.accountability;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One unit's statistics over a period: each pollutant's statistic with the valid days it used and whether they
 * suffice; the composite index (the sum of each statistic over its Grade II limit, only when all six are valid);
 * the shares of good days (AQI <= 100) and heavy days (AQI > 200) among the days with an AQI.
 */
public record PeriodStatistics(String unit, String period, Map<Statistic, Value> pollutants, Double compositeIndex,
                               int aqiDays, Double goodShare, Double heavyShare) {

    /**
     * A pollutant's statistic; {@code value} is null without any valid day. {@code flaggedValues} counts the station
     * hours the data-quality rules left out of the daily values behind it.
     */
    public record Value(Double value, int validDays, int requiredDays, boolean valid, String method,
                        long flaggedValues) {
    }

    public static PeriodStatistics of(String unit, Period period, List<DailyValues> days) {
        return of(unit, period, days, Map.of());
    }

    public static PeriodStatistics of(String unit, Period period, List<DailyValues> days,
                                      Map<Statistic, Long> flagged) {
        Map<Statistic, Value> values = new EnumMap<>(Statistic.class);
        boolean allValid = true;
        double composite = 0;
        for (Statistic s : Statistic.values()) {
            List<Double> valid = new ArrayList<>();
            for (DailyValues d : days) {
                Double v = s.value(d);
                if (v != null && !d.day().isBefore(period.from()) && !d.day().isAfter(period.to())) {
                    valid.add(v);
                }
            }
            double[] array = valid.stream().mapToDouble(Double::doubleValue).toArray();
            Double value = array.length == 0 ? null : round(s.of(array));
            boolean enough = array.length >= period.requiredDays();
            values.put(s, new Value(value, array.length, period.requiredDays(), enough, s.method(),
                    flagged.getOrDefault(s, 0L)));
            allValid &= enough;
            composite += value == null ? 0 : value / s.gradeTwoLimit();
        }
        int aqiDays = 0;
        int good = 0;
        int heavy = 0;
        for (DailyValues d : days) {
            if (d.aqi() != null && !d.day().isBefore(period.from()) && !d.day().isAfter(period.to())) {
                aqiDays++;
                good += d.aqi() <= 100 ? 1 : 0;
                heavy += d.aqi() > 200 ? 1 : 0;
            }
        }
        return new PeriodStatistics(unit, period.label(), values, allValid ? round(composite) : null, aqiDays,
                aqiDays == 0 ? null : round((double) good / aqiDays), aqiDays == 0 ? null : round((double) heavy / aqiDays));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
