package io.airwarn.forecast;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;

/**
 * The predictors of the log-linear model for a forecast of day {@code origin + lead} issued at hour {@code issueHour}
 * of the origin day (24: after the whole day), for one pollutant. Pure: every concentration comes from that pollutant's
 * hours before the issue time,
 * the origin meteorology from the last whole day before it, and the target day's weather only when one is supplied
 * ({@link MetMode#TARGET_DAY}) together with the day before it, against which its changes are measured.
 */
public final class Predictors {

    /** Which meteorology the model sees. */
    public enum MetMode {
        /** The target day's meteorology: observed in evaluations ("perfect prognosis"), forecast in service. */
        TARGET_DAY,
        /** Nothing after the issue time. */
        NONE
    }

    /** Issue hour meaning "after the whole origin day": the daily-data forecast. */
    public static final int WHOLE_DAY = 24;
    /** A 24-hour mean needs this many known hours (75 %); without it there is no forecast. */
    static final int MIN_HOURS_OF_24 = 18;

    static final List<String> NONE_NAMES = List.of("recent24_ln_concentration", "recent6_ln_concentration",
            "recent3_ln_concentration", "previous24_ln_concentration", "previous48_ln_concentration", "origin_dew_point", "origin_ln_wind", "origin_pressure",
            "origin_temperature_range", "target_sin_doy", "target_cos_doy");
    /** Only where a heating season is configured; elsewhere it would be a column of zeros. */
    static final String HEATING = "target_heating";
    static final List<String> TARGET_MET_NAMES = List.of("target_temperature", "target_dew_point", "target_pressure",
            "target_ln_wind", "target_ln_precipitation", "target_wind_nw", "target_wind_se", "target_wind_calm",
            "target_temperature_range", "target_temperature_min", "target_temperature_change",
            "target_pressure_change", "target_dew_point_change");

    private Predictors() {
    }

    public static List<String> names(MetMode mode, HeatingSeason heating) {
        List<String> names = new ArrayList<>(NONE_NAMES);
        if (heating.start() != null) {
            names.add(HEATING);
        }
        if (mode == MetMode.TARGET_DAY) {
            names.addAll(TARGET_MET_NAMES);
        }
        return names;
    }

    /** The moment a forecast from {@code origin} at {@code issueHour} is made; data before it may be used. */
    public static LocalDateTime issueTime(LocalDate origin, int issueHour) {
        return origin.atStartOfDay().plusHours(issueHour);
    }

    /** The pollutant's mean of the 24 hours before the issue time: what its forecast starts from. */
    public static Double recent(DailySeries series, ForecastPollutant pollutant, LocalDate origin, int issueHour) {
        return series.meanBefore(pollutant, issueTime(origin, issueHour), 24, MIN_HOURS_OF_24);
    }

    /**
     * The predictor values, with null for values that are unknown (the model substitutes its training means);
     * null altogether when the pollutant's mean of the 24 hours before the issue time is unknown, without which it
     * is not forecast.
     *
     * @param targetMet   the target day's weather (TARGET_DAY only)
     * @param previousMet the weather of the day before the target day, observed or forecast (TARGET_DAY only)
     */
    public static Double[] values(DailySeries series, ForecastPollutant pollutant, LocalDate origin, int issueHour,
                                  int lead, MetMode mode, DailyMet targetMet, DailyMet previousMet,
                                  HeatingSeason heating) {
        LocalDateTime issue = issueTime(origin, issueHour);
        Double recent24 = series.meanBefore(pollutant, issue, 24, MIN_HOURS_OF_24);
        if (recent24 == null) {
            return null;
        }
        Double recent6 = orElse(series.meanBefore(pollutant, issue, 6, 3), recent24);
        Double recent3 = orElse(series.meanBefore(pollutant, issue, 3, 1), recent6);
        Double previous24 = orElse(series.meanBefore(pollutant, issue.minusHours(24), 24, MIN_HOURS_OF_24), recent24);
        Double previous48 = orElse(series.meanBefore(pollutant, issue.minusHours(48), 24, MIN_HOURS_OF_24),
                previous24);
        DailyMet o = series.met(issueHour == WHOLE_DAY ? origin : origin.minusDays(1));
        LocalDate target = origin.plusDays(lead);
        double angle = 2 * Math.PI * (target.getDayOfYear() - 1) / 365.25;
        List<Double> v = new ArrayList<>(List.of(ln1p(recent24), ln1p(recent6), ln1p(recent3), ln1p(previous24),
                ln1p(previous48)));
        v.add(o.dewPoint());
        v.add(ln1p(o.windSpeed()));
        v.add(o.pressure());
        v.add(o.temperatureRange());
        v.add(Math.sin(angle));
        v.add(Math.cos(angle));
        if (heating.start() != null) {
            v.add(heating.contains(target) ? 1.0 : 0.0);
        }
        if (mode == MetMode.TARGET_DAY) {
            DailyMet t = targetMet == null ? DailyMet.UNKNOWN : targetMet;
            // When the day before the target is the origin meteorology day, its changes are already the difference
            // of two predictors; repeating them would make the fit singular.
            DailyMet p = previousMet == null || lead == 1 && issueHour == WHOLE_DAY ? DailyMet.UNKNOWN : previousMet;
            v.add(t.temperature());
            v.add(t.dewPoint());
            v.add(t.pressure());
            v.add(ln1p(t.windSpeed()));
            v.add(ln1p(t.precipitation()));
            v.add(t.windNorthWest());
            v.add(t.windSouthEast());
            v.add(t.windCalm());
            v.add(t.temperatureRange());
            v.add(t.temperatureMin());
            v.add(change(t.temperature(), p.temperature()));
            v.add(change(t.pressure(), p.pressure()));
            v.add(change(t.dewPoint(), p.dewPoint()));
        }
        return v.toArray(Double[]::new);
    }

    private static Double change(Double value, Double before) {
        return value == null || before == null ? null : value - before;
    }

    private static Double orElse(Double value, Double fallback) {
        return value == null ? fallback : value;
    }

    static Double ln1p(Double value) {
        return value == null ? null : Math.log1p(Math.max(0, value));
    }

    /** Days of the heating season, e.g. 11-15..03-15 (may wrap the new year); {@link #NONE} for cities without. */
    public record HeatingSeason(MonthDay start, MonthDay end) {

        public static final HeatingSeason NONE = new HeatingSeason(null, null);

        /** Parses "MM-DD..MM-DD" or "none". */
        public static HeatingSeason parse(String text) {
            if (text == null || text.isBlank() || text.equalsIgnoreCase("none")) {
                return NONE;
            }
            String[] parts = text.split("\\.\\.");
            if (parts.length != 2) {
                throw new IllegalArgumentException("heating season '" + text + "' must look like 11-15..03-15");
            }
            try {
                return new HeatingSeason(MonthDay.parse("--" + parts[0].trim()), MonthDay.parse("--" + parts[1].trim()));
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("heating season '" + text + "' must look like 11-15..03-15");
            }
        }

        public boolean contains(LocalDate day) {
            if (start == null) {
                return false;
            }
            MonthDay d = MonthDay.from(day);
            return start.isBefore(end) || start.equals(end) ? !d.isBefore(start) && !d.isAfter(end)
                    : !d.isBefore(start) || !d.isAfter(end);
        }

        @Override
        public String toString() {
            return start == null ? "none" : String.format("%02d-%02d..%02d-%02d", start.getMonthValue(),
                    start.getDayOfMonth(), end.getMonthValue(), end.getDayOfMonth());
        }
    }
}
