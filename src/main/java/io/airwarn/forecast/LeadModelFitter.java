package io.airwarn.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * Fits a {@link LeadModel} of one pollutant on the days of a series whose target day lies before a cutoff; its
 * events are that pollutant's sub-index above 200 and 300. The spread and the
 * probabilities are fitted on out-of-fold forecasts (the training days split into {@link #FOLDS} consecutive blocks,
 * each forecast by the fit on the others), so they describe forecasts of days the fit has not seen. Pure.
 */
public final class LeadModelFitter {

    /**
     * Fewer samples than this per predictor and the fit is refused: six keeps the with-weather fit (25 predictors)
     * possible on the 150 complete days of a city whose record starts in spring and trains until the new year.
     */
    static final int MIN_SAMPLES_PER_PREDICTOR = 6;
    static final int FOLDS = 5;
    /** With fewer training days above a threshold its probability keeps the residual distribution's. */
    static final int MIN_EVENTS = 5;
    /**
     * Beyond {@link #DECIDING_LEADS} a fit decides on its probability only where that probability beat climatology's
     * on the training days by this Brier skill: otherwise (leads 4-7 without weather) it would warn on little more
     * than the season. Leads 1-3, whose warnings the criteria are about, always decide.
     */
    static final double MIN_DECISION_SKILL = 0.05;
    static final int DECIDING_LEADS = 3;
    /** The most "yes" forecasts a decision may give, as a multiple of the training days with the event. */
    static final double MAX_BIAS = 3;
    /** The decision probabilities tried, in hundredths. */
    private static final int LOWEST_DECISION = 5;
    private static final int HIGHEST_DECISION = 80;

    private LeadModelFitter() {
    }

    /**
     * The complete training rows: predictor values (unused columns zero), ln(1 + concentration) and the observed
     * sub-index.
     */
    private record Rows(List<double[]> x, double[] y, int[] aqi, boolean[] used) {
    }

    /**
     * @param cutoff first day that may not be a target (and so is never seen as a concentration either)
     * @throws IllegalArgumentException when there are too few complete days to fit
     */
    public static LeadModel fit(DailySeries series, ForecastPollutant pollutant, LocalDate cutoff, int issueHour,
                                int lead, Predictors.MetMode mode, Predictors.HeatingSeason heating) {
        return fit(List.of(series), pollutant, cutoff, issueHour, lead, mode, heating);
    }

    /** One fit on the days of several units together (a regional model); the folds follow the target dates. */
    public static LeadModel fit(List<DailySeries> units, ForecastPollutant pollutant, LocalDate cutoff, int issueHour,
                                int lead, Predictors.MetMode mode, Predictors.HeatingSeason heating) {
        List<String> names = Predictors.names(mode, heating);
        Rows rows = rows(units, pollutant, cutoff, issueHour, lead, mode, heating, names.size());
        int n = rows.y().length;
        int needed = MIN_SAMPLES_PER_PREDICTOR * (names.size() + 1);
        if (n < needed) {
            throw new IllegalArgumentException("only " + n + " complete days of " + pollutant.label() + " before "
                    + cutoff + " to fit lead " + lead + " (" + mode + "); at least " + needed + " are needed");
        }
        double[] means = new double[names.size()];
        for (double[] row : rows.x()) {
            for (int j = 0; j < means.length; j++) {
                means[j] += row[j] / n;
            }
        }
        // A predictor the data do not have, or that never varies in them (calm wind where the data have no calm
        // class), cannot be estimated; it keeps a zero coefficient instead of making the system singular.
        int[] varying = IntStream.range(0, names.size())
                .filter(j -> rows.used()[j] && rows.x().stream().anyMatch(r -> r[j] != rows.x().get(0)[j])).toArray();
        double[] beta = ols(rows, varying, i -> true);
        double[] outOfFold = outOfFold(rows, varying, beta);
        double[] residuals = IntStream.range(0, n).mapToDouble(i -> rows.y()[i] - outOfFold[i]).toArray();
        double[] quantiles = percentiles(residuals);
        double[] coefficients = new double[names.size()];
        for (int k = 0; k < varying.length; k++) {
            coefficients[varying[k]] = beta[k + 1];
        }
        return new LeadModel(pollutant, names, beta[0], coefficients, means, quantiles, n,
                calibrate(outOfFold, rows.aqi(), 200, lead > DECIDING_LEADS),
                calibrate(outOfFold, rows.aqi(), 300, lead > DECIDING_LEADS));
    }

    /** A training day: its predictors, ln(1 + concentration) and observed sub-index. */
    private record Candidate(LocalDate target, Double[] x, double y, int aqi) {
    }

    private static Rows rows(List<DailySeries> units, ForecastPollutant pollutant, LocalDate cutoff, int issueHour,
                             int lead, Predictors.MetMode mode, Predictors.HeatingSeason heating, int count) {
        List<Candidate> candidates = new ArrayList<>();
        for (DailySeries series : units) {
            for (LocalDate target = series.firstDay().plusDays(lead); target.isBefore(cutoff)
                    && !target.isAfter(series.lastDay()); target = target.plusDays(1)) {
                Double value = series.daily(pollutant, target);
                Double[] x = value == null ? null : Predictors.values(series, pollutant, target.minusDays(lead),
                        issueHour, lead, mode, series.met(target), series.met(target.minusDays(1)), heating);
                if (x != null) {
                    candidates.add(new Candidate(target, x, Math.log1p(value), series.subIndex(pollutant, target)));
                }
            }
        }
        candidates.sort(java.util.Comparator.comparing(Candidate::target));
        boolean[] used = usable(candidates.stream().map(Candidate::x).toList(), count);
        List<Candidate> complete = candidates.stream()
                .filter(c -> IntStream.range(0, count).noneMatch(j -> used[j] && c.x()[j] == null)).toList();
        return new Rows(complete.stream().map(c -> IntStream.range(0, count).mapToDouble(j -> used[j] ? c.x()[j] : 0)
                .toArray()).toList(), complete.stream().mapToDouble(Candidate::y).toArray(),
                complete.stream().mapToInt(Candidate::aqi).toArray(), used);
    }

    /** Least squares on the rows {@code include} accepts: intercept, then one coefficient per varying column. */
    private static double[] ols(Rows rows, int[] varying, java.util.function.IntPredicate include) {
        int[] chosen = IntStream.range(0, rows.y().length).filter(include).toArray();
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(Arrays.stream(chosen).mapToDouble(i -> rows.y()[i]).toArray(),
                Arrays.stream(chosen).mapToObj(i -> Arrays.stream(varying).mapToDouble(j -> rows.x().get(i)[j])
                        .toArray()).toArray(double[][]::new));
        return ols.estimateRegressionParameters();
    }

    /** Each block of days forecast by the fit on the other blocks (by the full fit where that one is singular). */
    private static double[] outOfFold(Rows rows, int[] varying, double[] full) {
        int n = rows.y().length;
        double[] predicted = new double[n];
        for (int fold = 0; fold < FOLDS; fold++) {
            int from = n * fold / FOLDS;
            int to = n * (fold + 1) / FOLDS;
            double[] beta;
            try {
                beta = ols(rows, varying, i -> i < from || i >= to);
            } catch (SingularMatrixException e) {
                beta = full;
            }
            for (int i = from; i < to; i++) {
                double y = beta[0];
                for (int k = 0; k < varying.length; k++) {
                    y += beta[k + 1] * rows.x().get(i)[varying[k]];
                }
                predicted[i] = y;
            }
        }
        return predicted;
    }

    /**
     * Logistic calibration of the out-of-fold forecasts for AQI above {@code aqi}, and the decision probability with
     * the best critical success index on them (none where skill is required and the calibrated probabilities have
     * too little).
     */
    static LeadModel.Calibration calibrate(double[] predictedLn, int[] observedAqi, int aqi, boolean needsSkill) {
        boolean[] event = new boolean[observedAqi.length];
        int events = 0;
        for (int i = 0; i < event.length; i++) {
            event[i] = observedAqi[i] > aqi;
            events += event[i] ? 1 : 0;
        }
        if (events < MIN_EVENTS) {
            return new LeadModel.Calibration(null, null, null);
        }
        double[] ab = Logistic.fit(predictedLn, event);
        double[] p = Arrays.stream(predictedLn).map(z -> Logistic.probability(ab[0], ab[1], z)).toArray();
        double rate = (double) events / event.length;
        double brier = IntStream.range(0, p.length).mapToDouble(i -> Math.pow(p[i] - (event[i] ? 1 : 0), 2))
                .average().orElseThrow();
        boolean skilful = !needsSkill || 1 - brier / (rate * (1 - rate)) >= MIN_DECISION_SKILL;
        return new LeadModel.Calibration(ab[0], ab[1], skilful ? bestDecision(p, event) : null);
    }

    /**
     * The decision probability (in steps of 0.01) whose yes/no forecasts have the highest CSI among those that say
     * "yes" on at most {@link #MAX_BIAS} times as many days as had the event: where skill is low (long leads
     * without weather) the best CSI would otherwise come from saying "yes" on most winter days.
     */
    static double bestDecision(double[] probability, boolean[] event) {
        int events = 0;
        for (boolean e : event) {
            events += e ? 1 : 0;
        }
        double best = -1;
        int bestAt = HIGHEST_DECISION;
        for (int hundredths = LOWEST_DECISION; hundredths <= HIGHEST_DECISION; hundredths++) {
            double decision = hundredths / 100.0;
            int hits = 0;
            int yes = 0;
            int wrong = 0;
            for (int i = 0; i < event.length; i++) {
                boolean says = probability[i] >= decision;
                yes += says ? 1 : 0;
                hits += says && event[i] ? 1 : 0;
                wrong += says != event[i] ? 1 : 0;
            }
            double csi = hits + wrong == 0 ? 0 : (double) hits / (hits + wrong);
            if (yes <= MAX_BIAS * events && csi > best) {
                best = csi;
                bestAt = hundredths;
            }
        }
        return bestAt / 100.0;
    }

    /** Predictors known on at least half of the candidate days; the others are left out of the fit. */
    private static boolean[] usable(List<Double[]> candidates, int count) {
        boolean[] used = new boolean[count];
        for (int j = 0; j < count; j++) {
            final int column = j;
            long known = candidates.stream().filter(x -> x[column] != null).count();
            used[j] = known * 2 >= candidates.size() && known > 0;
        }
        return used;
    }

    /** Percentiles 1..99 by linear interpolation between order statistics. */
    static double[] percentiles(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] q = new double[ForecastDistribution.QUANTILES];
        for (int k = 1; k <= q.length; k++) {
            double position = k / 100.0 * (sorted.length - 1);
            int below = (int) Math.floor(position);
            int above = Math.min(sorted.length - 1, below + 1);
            q[k - 1] = sorted[below] + (position - below) * (sorted[above] - sorted[below]);
        }
        return q;
    }
}
