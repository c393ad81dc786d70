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
        LocalDate testStart = trainUntil.plusDays(1);
        if (series.isEmpty() || testStart.isAfter(series.lastDay())) {
            throw new IllegalArgumentException("no test data after " + trainUntil + " (data end "
                    + (series.isEmpty() ? "-" : series.lastDay()) + ")");
        }
        if (!trainUntil.isAfter(series.firstDay())) {
            throw new IllegalArgumentException("no training data up to " + trainUntil + " (data start "
                    + series.firstDay() + ")");
        }
        Map<Integer, List<Prediction>[]> byLead = new LinkedHashMap<>();
        for (int lead : leads) {
            @SuppressWarnings("unchecked")
            List<Prediction>[] lists = new List[] {new ArrayList<>(), new ArrayList<>(), new ArrayList<>()};
            byLead.put(lead, lists);
        }
        int testDays = 0;
        for (YearMonth month = YearMonth.from(testStart); !month.atDay(1).isAfter(series.lastDay());
             month = month.plusMonths(1)) {
            LocalDate cutoff = month.atDay(1).isBefore(testStart) ? testStart : month.atDay(1);
            LocalDate end = month.atEndOfMonth().isAfter(series.lastDay()) ? series.lastDay() : month.atEndOfMonth();
            Climatology climatology = new Climatology(series, cutoff);
            for (int lead : leads) {
                LeadModel model = LeadModelFitter.fit(series, cutoff, lead, mode, heating);
                List<Prediction>[] lists = byLead.get(lead);
                for (LocalDate target = cutoff; !target.isAfter(end); target = target.plusDays(1)) {
                    Integer observed = series.aqi(target);
                    LocalDate origin = target.minusDays(lead);
                    Double[] x = Predictors.values(series, origin, lead, mode, series.met(target), heating);
                    if (observed == null || x == null) {
                        continue;
                    }
                    ForecastDistribution d = ForecastDistribution.of(series.table(), model.predictLn(x),
                            model.residualQuantiles());
                    lists[0].add(new Prediction(d.expectedAqi(), observed, d.pAbove200(), d.pAbove300()));
                    lists[1].add(Persistence.forecast(series.aqi(origin), observed));
                    lists[2].add(climatology.forecast(target, observed));
                }
            }
            for (LocalDate day = cutoff; !day.isAfter(end); day = day.plusDays(1)) {
                testDays += series.aqi(day) == null ? 0 : 1;
            }
        }
        List<LeadScores> scores = new ArrayList<>();
        byLead.forEach((lead, lists) -> scores.add(new LeadScores(lead, Score.of(lists[0], lists[2]),
                Score.of(lists[1], lists[2]), Score.of(lists[2], lists[2]))));
        return new Result(testDays, scores);
    }
}
