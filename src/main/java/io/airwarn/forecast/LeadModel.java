package io.airwarn.forecast;

import java.util.List;

/**
 * Ordinary least squares on ln(1 + daily concentration) of one pollutant for one issue hour, lead and meteorology mode, with the empirical
 * distribution of its out-of-fold training residuals (percentiles 1..99), which gives the forecast's spread, and
 * the out-of-fold calibration of its probabilities of AQI above 200 and 300 with the probability at which it
 * says "above".
 *
 * @param pollutant          what it forecasts
 * @param predictors         predictor names, in the order of {@code coefficients} after the intercept
 * @param intercept          the constant term
 * @param coefficients       one per predictor
 * @param means              training mean of each predictor, substituted when a value is unknown
 * @param residualQuantiles  percentiles 1..99 of the out-of-fold training residuals (ln units)
 * @param trainingSamples    how many days the fit used
 * @param above200           calibration and decision for the pollutant's sub-index above 200
 * @param above300           calibration and decision for the sub-index above 300
 */
public record LeadModel(ForecastPollutant pollutant, List<String> predictors, double intercept, double[] coefficients, double[] means,
                        double[] residualQuantiles, int trainingSamples, Calibration above200,
                        Calibration above300) {

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
        if (above200 == null || above300 == null) {
            throw new IllegalArgumentException("above200 and above300 calibrations are needed");
        }
    }

    /** The expected ln(1 + concentration); unknown predictor values take their training mean. */
    public double predictLn(Double[] values) {
        double y = intercept;
        for (int i = 0; i < coefficients.length; i++) {
            y += coefficients[i] * (values[i] == null ? means[i] : values[i]);
        }
        return y;
    }

    /**
     * P(event) = 1 / (1 + exp(-(intercept + slope x predicted ln(1 + concentration)))), fitted on out-of-fold forecasts of
     * the training days; without intercept and slope (too few events to fit) the residual distribution's
     * probability stands. The model says "above" when the probability reaches {@code decision}, the value that
     * gave the best critical success index on the training days; a fit whose probabilities had too little skill
     * there has no decision (null), and its expected AQI decides.
     */
    public record Calibration(Double intercept, Double slope, Double decision) {

        public Calibration {
            if ((intercept == null) != (slope == null)) {
                throw new IllegalArgumentException("a calibration needs both intercept and slope, or neither");
            }
            if (decision != null && !(decision > 0 && decision < 1)) {
                throw new IllegalArgumentException("a decision probability lies strictly between 0 and 1");
            }
        }

        double probability(double predictedLn, double fromResiduals) {
            return intercept == null ? fromResiduals : Logistic.probability(intercept, slope, predictedLn);
        }
    }
}
