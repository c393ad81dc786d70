package io.airwarn.forecast;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rolling-origin verification: for each month of the test period the model is refitted on every day before that
 * month, then forecasts each day of it; lead L forecasts day D+L from data through day D. The model, persistence
 * and climatology are scored on the same days. Pure.
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

    public static Result run(DailySeries series, LocalDate trainUntil, List<Integer> leads, Predictors.MetMode mode,
                             Predictors.HeatingSeason heating) {
        return run(series, trainUntil, leads, mode, heating, null);
    }

    /**
     * @param decision when set, the model says "above 200" (or 300) when its probability reaches this value instead
     *                 of when its forecast AQI is above the threshold
     */
    public static Result run(DailySeries series, LocalDate trainUntil, List<Integer> leads, Predictors.MetMode mode,
                             Predictors.HeatingSeason heating, Double decision) {
        LocalDate testStart = checkedTestStart(series, trainUntil);
        List<LeadScores> scores = new ArrayList<>();
        for (int lead : leads) {
            List<Prediction> model = new ArrayList<>();
            List<Prediction> persistence = new ArrayList<>();
            List<Prediction> climatology = new ArrayList<>();
            Climatology reference = null;
            YearMonth referenceMonth = null;
            for (Map.Entry<LocalDate, ForecastDistribution> f : forecasts(series, trainUntil, lead, mode, heating)
                    .entrySet()) {
                LocalDate target = f.getKey();
                Integer observed = series.aqi(target);
                if (observed == null) {
                    continue;
                }
                if (!YearMonth.from(target).equals(referenceMonth)) {
                    referenceMonth = YearMonth.from(target);
                    reference = new Climatology(series, cutoff(referenceMonth, testStart));
                }
                ForecastDistribution d = f.getValue();
                model.add(decision == null ? new Prediction(d.expectedAqi(), observed, d.pAbove200(), d.pAbove300())
                        : Prediction.atProbability(d.expectedAqi(), observed, d.pAbove200(), d.pAbove300(), decision));
                persistence.add(Persistence.forecast(series.aqi(target.minusDays(lead)), observed));
                climatology.add(reference.forecast(target, observed));
            }
            scores.add(new LeadScores(lead, Score.of(model, climatology), Score.of(persistence, climatology),
                    Score.of(climatology, climatology)));
        }
        int testDays = 0;
        for (LocalDate day = testStart; !day.isAfter(series.lastDay()); day = day.plusDays(1)) {
            testDays += series.aqi(day) == null ? 0 : 1;
        }
        return new Result(testDays, scores);
    }

    /**
     * The protocol before scoring: the forecast of every test day at one lead that the data allow (the origin day
     * has a daily PM2.5), by target day. The model of each month is fitted on the days before it.
     */
    public static Map<LocalDate, ForecastDistribution> forecasts(DailySeries series, LocalDate trainUntil, int lead,
                                                                 Predictors.MetMode mode,
                                                                 Predictors.HeatingSeason heating) {
        LocalDate testStart = checkedTestStart(series, trainUntil);
        Map<LocalDate, ForecastDistribution> forecasts = new LinkedHashMap<>();
        for (YearMonth month = YearMonth.from(testStart); !month.atDay(1).isAfter(series.lastDay());
             month = month.plusMonths(1)) {
            LocalDate cutoff = cutoff(month, testStart);
            LocalDate end = month.atEndOfMonth().isAfter(series.lastDay()) ? series.lastDay() : month.atEndOfMonth();
            LeadModel model = LeadModelFitter.fit(series, cutoff, lead, mode, heating);
            for (LocalDate target = cutoff; !target.isAfter(end); target = target.plusDays(1)) {
                Double[] x = Predictors.values(series, target.minusDays(lead), lead, mode, series.met(target), heating);
                if (x != null) {
                    forecasts.put(target, ForecastDistribution.of(series.table(), model.predictLn(x),
                            model.residualQuantiles()));
                }
            }
        }
        return forecasts;
    }

    /** The first test day of a month: its first day, or the day after training in the first month. */
    private static LocalDate cutoff(YearMonth month, LocalDate testStart) {
        return month.atDay(1).isBefore(testStart) ? testStart : month.atDay(1);
    }

    private static LocalDate checkedTestStart(DailySeries series, LocalDate trainUntil) {
        LocalDate testStart = trainUntil.plusDays(1);
        if (series.isEmpty() || testStart.isAfter(series.lastDay())) {
            throw new IllegalArgumentException("no test data after " + trainUntil + " (data end "
                    + (series.isEmpty() ? "-" : series.lastDay()) + ")");
        }
        if (!trainUntil.isAfter(series.firstDay())) {
            throw new IllegalArgumentException("no training data up to " + trainUntil + " (data start "
                    + series.firstDay() + ")");
        }
        return testStart;
    }
}
