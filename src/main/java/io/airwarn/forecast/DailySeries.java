package io.airwarn.forecast;

import io.airwarn.aqi.BreakpointTable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A contiguous run of days, looked up by date. Days not given are unknown. A day's AQI is the highest sub-index of the
 * pollutants it has (HJ 633-2012), each forecast separately.
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

    /** The pollutant's daily value, or null. */
    public Double daily(ForecastPollutant pollutant, LocalDate date) {
        DailyRecord r = get(date);
        return r == null ? null : r.daily(pollutant);
    }

    /** The pollutants some day has a daily value of, PM2.5 first. */
    public Set<ForecastPollutant> pollutants() {
        Set<ForecastPollutant> found = EnumSet.noneOf(ForecastPollutant.class);
        for (DailyRecord r : days) {
            if (r != null) {
                r.pollutants().forEach((p, c) -> {
                    if (c.daily() != null) {
                        found.add(p);
                    }
                });
            }
        }
        return found;
    }

    /** The same days with only the given pollutants. */
    public DailySeries only(Collection<ForecastPollutant> pollutants) {
        List<DailyRecord> kept = new ArrayList<>();
        for (DailyRecord r : days) {
            if (r != null) {
                Map<ForecastPollutant, DailyRecord.Concentration> some = new EnumMap<>(ForecastPollutant.class);
                r.pollutants().forEach((p, c) -> {
                    if (pollutants.contains(p)) {
                        some.put(p, c);
                    }
                });
                kept.add(new DailyRecord(r.date(), r.met(), some));
            }
        }
        return new DailySeries(kept, table);
    }

    public DailyMet met(LocalDate date) {
        DailyRecord r = get(date);
        return r == null || r.met() == null ? DailyMet.UNKNOWN : r.met();
    }

    /**
     * The mean hourly value of a pollutant over the {@code hours} hours before {@code end}, or null when fewer than
     * {@code minValid} of them are known.
     */
    public Double meanBefore(ForecastPollutant pollutant, LocalDateTime end, int hours, int minValid) {
        double sum = 0;
        int valid = 0;
        LocalDateTime hour = end;
        for (int i = 0; i < hours; i++) {
            hour = hour.minusHours(1);
            double value = hourly(pollutant, hour);
            if (!Double.isNaN(value)) {
                sum += value;
                valid++;
            }
        }
        return valid < minValid || valid == 0 ? null : sum / valid;
    }

    private double hourly(ForecastPollutant pollutant, LocalDateTime hour) {
        DailyRecord r = get(hour.toLocalDate());
        return r == null ? Double.NaN : r.hourly(pollutant, hour.getHour());
    }

    /**
     * The AQI of the 24 hours before {@code end}, as persistence forecasts it: each pollutant's mean of them (18 hours
     * needed), ozone's highest 8-hour mean in them; null without the PM2.5.
     */
    public Integer aqiOfLast24Hours(LocalDateTime end) {
        int aqi = 0;
        for (ForecastPollutant p : ForecastPollutant.values()) {
            Double c;
            if (p == ForecastPollutant.O3_8H) {
                double[] hours = new double[DailyRecord.HOURS];
                for (int i = 0; i < hours.length; i++) {
                    hours[i] = hourly(p, end.minusHours(DailyRecord.HOURS - i));
                }
                c = DayAccumulator.daily(p, hours);
            } else {
                c = meanBefore(p, end, 24, Predictors.MIN_HOURS_OF_24);
            }
            if (c == null && p == ForecastPollutant.PM2_5) {
                return null;
            }
            aqi = c == null ? aqi : Math.max(aqi, p.subIndex(table, c));
        }
        return aqi;
    }

    /** The pollutant's daily sub-index, or null without a daily value. */
    public Integer subIndex(ForecastPollutant pollutant, LocalDate date) {
        Double c = daily(pollutant, date);
        return c == null ? null : pollutant.subIndex(table, c);
    }

    /**
     * The day's AQI as officers see it: the highest sub-index of the pollutants it has; null without a daily PM2.5,
     * without which the day is neither forecast nor scored.
     */
    public Integer aqi(LocalDate date) {
        if (daily(ForecastPollutant.PM2_5, date) == null) {
            return null;
        }
        int aqi = 0;
        for (ForecastPollutant p : ForecastPollutant.values()) {
            Integer sub = subIndex(p, date);
            aqi = sub == null ? aqi : Math.max(aqi, sub);
        }
        return aqi;
    }
}
