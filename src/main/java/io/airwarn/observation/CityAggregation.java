package io.airwarn.observation;

import io.airwarn.aqi.AqiCalculator;
import io.airwarn.aqi.AqiItem;
import io.airwarn.aqi.BreakpointTable;
import io.airwarn.aqi.Pollutant;
import io.airwarn.aqi.ReportedConcentration;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Turns a city's hourly series into hourly and daily AQI reports. Pure.
 * Validity (GB 3095-2012 and HJ 663-2013): a 24 h mean needs 20 valid hours, an 8 h mean 6 of its 8 hours, the daily
 * maximum 8 h O3 at least 14 valid 8 h means among the 17 that lie within the day, the daily maximum 1 h O3 20 valid
 * hours. Means are rounded to reported precision (μg/m³ whole, CO 0.1 mg/m³) before the AQI is computed.
 */
public final class CityAggregation {

    static final int MIN_HOURS_24H = 20;
    static final int MIN_HOURS_8H = 6;
    static final int MIN_WINDOWS_DAILY_8H = 14;
    private static final int HOURS_PER_DAY = 24;
    private static final int EIGHT_HOURS = 8;

    private CityAggregation() {
    }

    /** Hourly reports for every hour in [from, toExclusive) at which some station reported something. */
    public static List<CityAqiReport> hourly(BreakpointTable table, HourlySeries series, LocalDateTime from,
                                             LocalDateTime toExclusive) {
        List<CityAqiReport> reports = new ArrayList<>();
        for (int i = series.index(from); i < series.index(toExclusive); i++) {
            if (series.anyValue(i)) {
                reports.add(hour(table, series, i));
            }
        }
        return reports;
    }

    /** Daily reports for every day in [from, to] with at least one valid hour. */
    public static List<CityAqiReport> daily(BreakpointTable table, HourlySeries series, LocalDate from, LocalDate to) {
        List<CityAqiReport> reports = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            int first = series.index(day.atStartOfDay());
            boolean any = false;
            for (int i = first; i < first + HOURS_PER_DAY && !any; i++) {
                any = series.anyValue(i);
            }
            if (any) {
                reports.add(day(table, series, first));
            }
        }
        return reports;
    }

    /** The data behind an item of an hourly report: stations for 1 h values, hours for moving means. */
    public static Completeness hourlyCompleteness(BreakpointTable table, AqiItem item, int valid) {
        boolean movingParticulates = table.hourlyParticulates() == BreakpointTable.HourlyParticulates.MOVING_24H;
        return switch (item) {
            case SO2_24H -> new Completeness(valid, MIN_HOURS_24H, Completeness.HOURS);
            case O3_8H -> new Completeness(valid, MIN_HOURS_8H, Completeness.HOURS);
            case PM10_24H, PM2_5_24H -> movingParticulates ? new Completeness(valid, MIN_HOURS_24H, Completeness.HOURS)
                    : new Completeness(valid, 1, Completeness.STATIONS);
            default -> new Completeness(valid, 1, Completeness.STATIONS);
        };
    }

    /** The data behind an item of a daily report: valid hours, or valid 8 h means for the daily maximum 8 h O3. */
    public static Completeness dailyCompleteness(AqiItem item, int valid) {
        return item == AqiItem.O3_8H ? new Completeness(valid, MIN_WINDOWS_DAILY_8H, Completeness.WINDOWS)
                : new Completeness(valid, MIN_HOURS_24H, Completeness.HOURS);
    }

    private static CityAqiReport hour(BreakpointTable table, HourlySeries s, int i) {
        Values v = new Values((item, valid) -> hourlyCompleteness(table, item, valid));
        v.single(AqiItem.SO2_1H, s, i);
        v.single(AqiItem.NO2_1H, s, i);
        v.single(AqiItem.CO_1H, s, i);
        v.single(AqiItem.O3_1H, s, i);
        v.moving(AqiItem.O3_8H, s, i, EIGHT_HOURS);
        v.moving(AqiItem.SO2_24H, s, i, HOURS_PER_DAY);
        for (AqiItem particulate : List.of(AqiItem.PM10_24H, AqiItem.PM2_5_24H)) {
            if (table.hourlyParticulates() == BreakpointTable.HourlyParticulates.MOVING_24H) {
                v.moving(particulate, s, i, HOURS_PER_DAY);
            } else {
                v.single(particulate, s, i);
            }
        }
        Map<String, BigDecimal> extra = new LinkedHashMap<>();
        putIfPresent(extra, "PM10_1H", Pollutant.PM10, s.mean(Pollutant.PM10, i));
        putIfPresent(extra, "PM2_5_1H", Pollutant.PM2_5, s.mean(Pollutant.PM2_5, i));
        // The 24 h SO2 mean enters the hourly AQI only where HJ 633 lets it stand in for a 1 h value above 800.
        Map<AqiItem, BigDecimal> inputs = new EnumMap<>(v.concentrations);
        inputs.remove(AqiItem.SO2_24H);
        addFallbacks(table, inputs, v.concentrations);
        return new CityAqiReport(s.hourAt(i), v.concentrations, extra,
                AqiCalculator.calculate(table, inputs).orElse(null), v.completeness, s.demo(i));
    }

    private static CityAqiReport day(BreakpointTable table, HourlySeries s, int first) {
        int last = first + HOURS_PER_DAY - 1;
        Values v = new Values(CityAggregation::dailyCompleteness);
        for (AqiItem item : List.of(AqiItem.SO2_24H, AqiItem.NO2_24H, AqiItem.PM10_24H, AqiItem.CO_24H,
                AqiItem.PM2_5_24H)) {
            v.moving(item, s, last, HOURS_PER_DAY);
        }
        v.dailyMaxHour(s, first);
        v.dailyMaxEightHours(s, first);
        boolean demo = false;
        for (int i = first; i <= last; i++) {
            demo |= s.demo(i);
        }
        return new CityAqiReport(s.hourAt(first), v.concentrations, Map.of(),
                AqiCalculator.calculate(table, v.concentrations).orElse(null), v.completeness, demo);
    }

    /** Where a truncated item is above its top, the item HJ 633 names in its place is added if it is known. */
    private static void addFallbacks(BreakpointTable table, Map<AqiItem, BigDecimal> inputs,
                                     Map<AqiItem, BigDecimal> available) {
        for (AqiItem item : List.copyOf(inputs.keySet())) {
            BreakpointTable.Column column = table.column(item);
            if (table.isTruncated(item) && inputs.get(item).compareTo(column.top()) > 0
                    && available.containsKey(column.aboveTopUse())) {
                inputs.putIfAbsent(column.aboveTopUse(), available.get(column.aboveTopUse()));
            }
        }
    }

    private static void putIfPresent(Map<String, BigDecimal> values, String key, Pollutant pollutant, double mean) {
        if (!Double.isNaN(mean)) {
            values.put(key, ReportedConcentration.round(pollutant, mean));
        }
    }

    /** The values and completeness of one report, filled item by item. */
    private static final class Values {
        final Map<AqiItem, BigDecimal> concentrations = new EnumMap<>(AqiItem.class);
        final Map<AqiItem, Completeness> completeness = new EnumMap<>(AqiItem.class);
        private final BiFunction<AqiItem, Integer, Completeness> rule;

        Values(BiFunction<AqiItem, Integer, Completeness> rule) {
            this.rule = rule;
        }

        void single(AqiItem item, HourlySeries s, int i) {
            Pollutant p = item.pollutant();
            record(item, s.mean(p, i), s.stations(p, i));
        }

        void moving(AqiItem item, HourlySeries s, int end, int hours) {
            HourlySeries.Window w = s.window(item.pollutant(), end, hours);
            record(item, w.mean(), w.validHours());
        }

        void dailyMaxHour(HourlySeries s, int first) {
            double max = Double.NaN;
            int valid = 0;
            for (int i = first; i < first + HOURS_PER_DAY; i++) {
                double o3 = s.mean(Pollutant.O3, i);
                if (!Double.isNaN(o3)) {
                    valid++;
                    max = Double.isNaN(max) ? o3 : Math.max(max, o3);
                }
            }
            record(AqiItem.O3_1H, max, valid);
        }

        void dailyMaxEightHours(HourlySeries s, int first) {
            double max = Double.NaN;
            int valid = 0;
            for (int end = first + EIGHT_HOURS - 1; end < first + HOURS_PER_DAY; end++) {
                HourlySeries.Window w = s.window(Pollutant.O3, end, EIGHT_HOURS);
                if (w.validHours() >= MIN_HOURS_8H) {
                    valid++;
                    max = Double.isNaN(max) ? w.mean() : Math.max(max, w.mean());
                }
            }
            record(AqiItem.O3_8H, max, valid);
        }

        private void record(AqiItem item, double mean, int valid) {
            Completeness c = rule.apply(item, valid);
            completeness.put(item, c);
            if (c.met() && !Double.isNaN(mean)) {
                concentrations.put(item, ReportedConcentration.round(item.pollutant(), mean));
            }
        }
    }
}
