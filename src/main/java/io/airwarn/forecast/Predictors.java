package io.airwarn.forecast;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;

/**
 * The predictors of the log-linear model for a forecast of day {@code origin + lead} made with data through
 * {@code origin}. Pure: every value comes from the series up to the origin, or from the target day's meteorology
 * when one is supplied ({@link MetMode#TARGET_DAY}); nothing else about the target day is read.
 */
public final class Predictors {

    /** Which meteorology the model sees. */
    public enum MetMode {
        /** The target day's meteorology: observed in evaluations ("perfect prognosis"), forecast in service. */
        TARGET_DAY,
        /** Nothing after the origin day. */
        NONE
    }

    static final List<String> NONE_NAMES = List.of("lag1_ln_pm25", "lag2_ln_pm25", "lag3_ln_pm25", "origin_dew_point",
            "origin_ln_wind", "origin_pressure", "target_sin_doy", "target_cos_doy");
    /** Only where a heating season is configured; elsewhere it would be a column of zeros. */
    static final String HEATING = "target_heating";
    static final List<String> TARGET_MET_NAMES = List.of("target_temperature", "target_dew_point", "target_pressure",
            "target_ln_wind", "target_ln_precipitation", "target_wind_nw", "target_wind_se", "target_wind_calm");

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

    /**
     * The predictor values, with null for values that are unknown (the model substitutes its training means);
     * null altogether when the origin day's PM2.5 is unknown, without which no forecast is made.
     */
    public static Double[] values(DailySeries series, LocalDate origin, int lead, MetMode mode, DailyMet targetMet,
                                  HeatingSeason heating) {
        Double lag1 = series.pm25(origin);
        if (lag1 == null) {
            return null;
        }
        Double lag2 = orElse(series.pm25(origin.minusDays(1)), lag1);
        Double lag3 = orElse(series.pm25(origin.minusDays(2)), lag2);
        DailyMet o = series.met(origin);
        LocalDate target = origin.plusDays(lead);
        double angle = 2 * Math.PI * (target.getDayOfYear() - 1) / 365.25;
        List<Double> v = new ArrayList<>(List.of(ln1p(lag1), ln1p(lag2), ln1p(lag3)));
        v.add(o.dewPoint());
        v.add(ln1p(o.windSpeed()));
        v.add(o.pressure());
        v.add(Math.sin(angle));
        v.add(Math.cos(angle));
        if (heating.start() != null) {
            v.add(heating.contains(target) ? 1.0 : 0.0);
        }
        if (mode == MetMode.TARGET_DAY) {
            DailyMet t = targetMet == null ? DailyMet.UNKNOWN : targetMet;
            v.add(t.temperature());
            v.add(t.dewPoint());
            v.add(t.pressure());
            v.add(ln1p(t.windSpeed()));
            v.add(ln1p(t.precipitation()));
            v.add(t.windNorthWest());
            v.add(t.windSouthEast());
            v.add(t.windCalm());
        }
        return v.toArray(Double[]::new);
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
