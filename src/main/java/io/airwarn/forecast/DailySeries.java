package io.airwarn.forecast;

import io.airwarn.aqi.AqiCalculator;
import io.airwarn.aqi.AqiItem;
import io.airwarn.aqi.BreakpointTable;
import io.airwarn.aqi.ReportedConcentration;
import io.airwarn.aqi.Pollutant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.TreeMap;

/**
 * A contiguous run of days, looked up by date. Days not given are unknown. The daily AQI of a day is the PM2.5 24 h
 * sub-index of its reported mean (HJ 633-2012), the forecast target throughout.
 */
public final class DailySeries {

    private final LocalDate first;
    private final DailyRecord[] days;
    private final BreakpointTable table;

    public DailySeries(List<DailyRecord> records, BreakpointTable table) {
        TreeMap<LocalDate, DailyRecord> byDate = new TreeMap<>();
        records.forEach(r -> byDate.put(r.date(), r));
        this.table = table;
        if (byDate.isEmpty()) {
            this.first = LocalDate.MIN;
            this.days = new DailyRecord[0];
            return;
        }
        this.first = byDate.firstKey();
        this.days = new DailyRecord[Math.toIntExact(ChronoUnit.DAYS.between(first, byDate.lastKey())) + 1];
        byDate.values().forEach(r -> days[index(r.date())] = r);
    }

    private int index(LocalDate date) {
        long i = ChronoUnit.DAYS.between(first, date);
        return i < 0 || i >= days.length ? -1 : (int) i;
    }

    public boolean isEmpty() {
        return days.length == 0;
    }

    public LocalDate firstDay() {
        return first;
    }

    public LocalDate lastDay() {
        return first.plusDays(days.length - 1L);
    }

    public BreakpointTable table() {
        return table;
    }

    public DailyRecord get(LocalDate date) {
        int i = index(date);
        return i < 0 ? null : days[i];
    }

    public Double pm25(LocalDate date) {
        DailyRecord r = get(date);
        return r == null ? null : r.pm25();
    }

    public DailyMet met(LocalDate date) {
        DailyRecord r = get(date);
        return r == null || r.met() == null ? DailyMet.UNKNOWN : r.met();
    }

    /**
     * The mean hourly PM2.5 of the {@code hours} hours before {@code end}, or null when fewer than {@code minValid}
     * of them are known.
     */
    public Double pm25Before(LocalDateTime end, int hours, int minValid) {
        double sum = 0;
        int valid = 0;
        LocalDateTime hour = end;
        for (int i = 0; i < hours; i++) {
            hour = hour.minusHours(1);
            DailyRecord r = get(hour.toLocalDate());
            double value = r == null ? Double.NaN : r.hourlyPm25()[hour.getHour()];
            if (!Double.isNaN(value)) {
                sum += value;
                valid++;
            }
        }
        return valid < minValid || valid == 0 ? null : sum / valid;
    }

    /** The day's AQI (PM2.5 sub-index of the reported daily mean), or null without a valid mean. */
    public Integer aqi(LocalDate date) {
        Double pm = pm25(date);
        return pm == null ? null : aqiOf(table, pm);
    }

    public static int aqiOf(BreakpointTable table, double pm25) {
        return AqiCalculator.subIndex(table, AqiItem.PM2_5_24H, ReportedConcentration.round(Pollutant.PM2_5, pm25));
    }
}
