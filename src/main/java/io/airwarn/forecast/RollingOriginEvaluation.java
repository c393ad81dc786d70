package io.airwarn.forecast;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rolling-origin verification of the daily AQI (the highest sub-index of the series' pollutants): for each month of
 * the test period the model of each pollutant is refitted on every day before that month, then forecasts each day of
 * it; lead L forecasts day D+L from data up to the issue hour of day D (24: all of day D). The model, persistence
 * (the AQI of day D, or of the 24 hours before an earlier issue hour) and climatology are scored on the same days.
 * Pure.
 */
public final class RollingOriginEvaluation {

    /** Scores of one lead. */
    public record LeadScores(int lead, Score model, Score persistence, Score climatology) {
    }

    /** All leads, and how many test days had an observed AQI. */
    public record Result(int testDays, List<LeadScores> leads) {
    }

    private RollingOriginEvaluation() {
    }

    public static Result run(DailySeries series, LocalDate trainUntil, List<Integer> leads, int issueHour,
                             Predictors.MetMode mode, Predictors.HeatingSeason heating) {
        return run(series, trainUntil, leads, issueHour, mode, heating, null);
    }

    /**
     * @param decision when set, the model says "above 200" (or 300) when its probability reaches this value instead
     *                 of at the decision probability each fit chose on its training days
     */
    public static Result run(DailySeries series, LocalDate trainUntil, List<Integer> leads, int issueHour,
                             Predictors.MetMode mode, Predictors.HeatingSeason heating, Double decision) {
        return run(List.of(series), trainUntil, leads, issueHour, mode, heating, decision);
    }

    /**
     * The same for a regional model: each month's fit is made on all units together and scored on all their days.
     * The pollutants forecast are those some unit has; PM2.5 must be among them.
     */
    public static Result run(List<DailySeries> units, LocalDate trainUntil, List<Integer> leads, int issueHour,
                             Predictors.MetMode mode, Predictors.HeatingSeason heating, Double decision) {
        LocalDate testStart = checkedTestStart(units, trainUntil);
        List<LeadScores> scores = new ArrayList<>();
        for (int lead : leads) {
            List<Prediction> model = new ArrayList<>();
            List<Prediction> persistence = new ArrayList<>();
            List<Prediction> climatology = new ArrayList<>();
            List<Map<LocalDate, ForecastDistribution>> byUnit = forecasts(units, trainUntil, issueHour, lead, mode,
                    heating);
            for (int u = 0; u < units.size(); u++) {
                DailySeries series = units.get(u);
                Climatology reference = null;
                YearMonth referenceMonth = null;
                for (Map.Entry<LocalDate, ForecastDistribution> f : byUnit.get(u).entrySet()) {
                    LocalDate target = f.getKey();
                    Integer observed = series.aqi(target);
                    Integer persisted = persistedAqi(series, target.minusDays(lead), issueHour);
                    if (observed == null || persisted == null) {
                        continue;
                    }
                    if (!YearMonth.from(target).equals(referenceMonth)) {
                        referenceMonth = YearMonth.from(target);
                        reference = climatology(series, cutoff(referenceMonth, testStart));
                    }
                    if (reference == null) {
                        continue;
                    }
                    model.add(Prediction.of(f.getValue(), observed, decision));
                    persistence.add(Persistence.forecast(persisted, observed));
                    climatology.add(reference.forecast(target, observed));
                }
            }
            scores.add(new LeadScores(lead, Score.of(model, climatology), Score.of(persistence, climatology),
                    Score.of(climatology, climatology)));
        }
        int testDays = 0;
        for (DailySeries series : units) {
            for (LocalDate day = testStart; !day.isAfter(series.lastDay()); day = day.plusDays(1)) {
                testDays += series.aqi(day) == null ? 0 : 1;
            }
        }
        return new Result(testDays, scores);
    }

    /**
     * The protocol before scoring: the forecast of every test day at one lead that the data allow (the 24 hours
     * before the issue time have a PM2.5), by target day. The model of each month is fitted on the days before it.
     */
    public static Map<LocalDate, ForecastDistribution> forecasts(DailySeries series, LocalDate trainUntil,
                                                                 int issueHour, int lead, Predictors.MetMode mode,
                                                                 Predictors.HeatingSeason heating) {
        return forecasts(List.of(series), trainUntil, issueHour, lead, mode, heating).get(0);
    }

    private static List<Map<LocalDate, ForecastDistribution>> forecasts(List<DailySeries> units, LocalDate trainUntil,
                                                                        int issueHour, int lead,
                                                                        Predictors.MetMode mode,
                                                                        Predictors.HeatingSeason heating) {
        LocalDate testStart = checkedTestStart(units, trainUntil);
        List<ForecastPollutant> pollutants = ModelFitting.pollutantsOf(units);
        LocalDate lastDay = units.stream().map(DailySeries::lastDay).max(LocalDate::compareTo).orElseThrow();
        List<Map<LocalDate, ForecastDistribution>> byUnit = new ArrayList<>();
        units.forEach(u -> byUnit.add(new LinkedHashMap<>()));
        for (YearMonth month = YearMonth.from(testStart); !month.atDay(1).isAfter(lastDay); month = month.plusMonths(1)) {
            LocalDate cutoff = cutoff(month, testStart);
            List<LeadModel> models = ModelFitting.fitEach(pollutants, p -> LeadModelFitter.fit(units, p, cutoff,
                    issueHour, lead, mode, heating));
            for (int u = 0; u < units.size(); u++) {
                DailySeries series = units.get(u);
                LocalDate end = month.atEndOfMonth().isAfter(series.lastDay()) ? series.lastDay() : month.atEndOfMonth();
                for (LocalDate day = cutoff; !day.isAfter(end); day = day.plusDays(1)) {
                    LocalDate target = day;
                    ForecastDistribution d = CityForecaster.distribution(series, models, p -> Predictors.values(series,
                            p, target.minusDays(lead), issueHour, lead, mode, series.met(target),
                            series.met(target.minusDays(1)), heating));
                    if (d != null) {
                        byUnit.get(u).put(target, d);
                    }
                }
            }
        }
        return byUnit;
    }

    /**
     * Persistence's forecast: the AQI of the origin day, or of the 24 hours before an earlier issue hour (each
     * pollutant's 24-hour mean, ozone's highest 8-hour mean in them); null without the PM2.5 of that day or hours.
     */
    static Integer persistedAqi(DailySeries series, LocalDate origin, int issueHour) {
        if (issueHour == Predictors.WHOLE_DAY) {
            return series.aqi(origin);
        }
        return series.aqiOfLast24Hours(Predictors.issueTime(origin, issueHour));
    }

    /** The unit's climatology before a day; null for a unit (of a regional model) without a valid day before it. */
    private static Climatology climatology(DailySeries series, LocalDate cutoff) {
        try {
            return series.isEmpty() ? null : new Climatology(series, cutoff);
        } catch (IllegalArgumentException noDays) {
            return null;
        }
    }

    /** The first test day of a month: its first day, or the day after training in the first month. */
    private static LocalDate cutoff(YearMonth month, LocalDate testStart) {
        return month.atDay(1).isBefore(testStart) ? testStart : month.atDay(1);
    }

    private static LocalDate checkedTestStart(List<DailySeries> units, LocalDate trainUntil) {
        LocalDate testStart = trainUntil.plusDays(1);
        List<DailySeries> known = units.stream().filter(u -> !u.isEmpty()).toList();
        LocalDate first = known.stream().map(DailySeries::firstDay).min(LocalDate::compareTo).orElse(null);
        LocalDate last = known.stream().map(DailySeries::lastDay).max(LocalDate::compareTo).orElse(null);
        if (last == null || testStart.isAfter(last)) {
            throw new IllegalArgumentException("no test data after " + trainUntil + " (data end "
                    + (last == null ? "-" : last) + ")");
        }
        if (!trainUntil.isAfter(first)) {
            throw new IllegalArgumentException("no training data up to " + trainUntil + " (data start " + first + ")");
        }
        return testStart;
    }
}
