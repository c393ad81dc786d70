package io.airwarn.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/** Fits a {@link LeadModel} on the days of a series whose target day lies before a cutoff. Pure. */
public final class LeadModelFitter {

    /** Fewer samples than this per predictor and the fit is refused. */
    static final int MIN_SAMPLES_PER_PREDICTOR = 10;

    private LeadModelFitter() {
    }

    /**
     * @param cutoff first day that may not be a target (and so is never seen as a PM2.5 value either)
     * @throws IllegalArgumentException when there are too few complete days to fit
     */
    public static LeadModel fit(DailySeries series, LocalDate cutoff, int lead, Predictors.MetMode mode,
                                Predictors.HeatingSeason heating) {
        List<Double[]> candidates = new ArrayList<>();
        List<Double> candidateTargets = new ArrayList<>();
        for (LocalDate target = series.firstDay().plusDays(lead); target.isBefore(cutoff)
                && !target.isAfter(series.lastDay()); target = target.plusDays(1)) {
            Double pm = series.pm25(target);
            Double[] x = pm == null ? null
                    : Predictors.values(series, target.minusDays(lead), lead, mode, series.met(target), heating);
            if (x != null) {
                candidates.add(x);
                candidateTargets.add(Math.log1p(pm));
            }
        }
        List<String> names = Predictors.names(mode, heating);
        boolean[] used = usable(candidates, names.size());
        List<double[]> rows = new ArrayList<>();
        List<Double> targets = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Double[] x = candidates.get(i);
            if (IntStream.range(0, x.length).noneMatch(j -> used[j] && x[j] == null)) {
                rows.add(IntStream.range(0, x.length).mapToDouble(j -> used[j] ? x[j] : 0).toArray());
                targets.add(candidateTargets.get(i));
            }
        }
        int needed = MIN_SAMPLES_PER_PREDICTOR * (names.size() + 1);
        if (rows.size() < needed) {
            throw new IllegalArgumentException("only " + rows.size() + " complete days before " + cutoff
                    + " to fit lead " + lead + " (" + mode + "); at least " + needed + " are needed");
        }
        double[] means = new double[names.size()];
        for (double[] row : rows) {
            for (int j = 0; j < means.length; j++) {
                means[j] += row[j] / rows.size();
            }
        }
        // A predictor the data do not have, or that never varies in them (calm wind where the data have no calm
        // class), cannot be estimated; it keeps a zero coefficient instead of making the system singular.
        int[] varying = IntStream.range(0, names.size())
                .filter(j -> used[j] && rows.stream().anyMatch(r -> r[j] != rows.get(0)[j])).toArray();
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(targets.stream().mapToDouble(Double::doubleValue).toArray(),
                rows.stream().map(r -> Arrays.stream(varying).mapToDouble(j -> r[j]).toArray()).toArray(double[][]::new));
        double[] beta = ols.estimateRegressionParameters();
        double[] coefficients = new double[names.size()];
        for (int k = 0; k < varying.length; k++) {
            coefficients[varying[k]] = beta[k + 1];
        }
        return new LeadModel(names, beta[0], coefficients, means, percentiles(ols.estimateResiduals()), rows.size());
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
