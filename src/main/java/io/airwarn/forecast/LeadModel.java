package io.airwarn.forecast;

import java.util.List;

/**
 * Ordinary least squares on ln(1 + daily PM2.5) for one lead and one meteorology mode, with the empirical
 * distribution of its training residuals (percentiles 1..99) that turns a point forecast into probabilities.
 *
 * @param predictors         predictor names, in the order of {@code coefficients} after the intercept
 * @param intercept          the constant term
 * @param coefficients       one per predictor
 * @param means              training mean of each predictor, substituted when a value is unknown
 * @param residualQuantiles  percentiles 1..99 of the training residuals (ln units)
 * @param trainingSamples    how many days the fit used
 */
public record LeadModel(List<String> predictors, double intercept, double[] coefficients, double[] means,
                        double[] residualQuantiles, int trainingSamples) {

    public LeadModel {
        predictors = List.copyOf(predictors);
        if (coefficients.length != predictors.size() || means.length != predictors.size()) {
            throw new IllegalArgumentException("need one coefficient and one mean per predictor");
        }
        if (residualQuantiles.length != ForecastDistribution.QUANTILES) {
            throw new IllegalArgumentException("need " + ForecastDistribution.QUANTILES + " residual quantiles");
        }
        for (int i = 1; i < residualQuantiles.length; i++) {
            if (residualQuantiles[i] < residualQuantiles[i - 1]) {
                throw new IllegalArgumentException("residual quantiles must not decrease");
            }
        }
    }

    /** The expected ln(1 + PM2.5); unknown predictor values take their training mean. */
    public double predictLn(Double[] values) {
        double y = intercept;
        for (int i = 0; i < coefficients.length; i++) {
            y += coefficients[i] * (values[i] == null ? means[i] : values[i]);
        }
        return y;
    }
}
