package io.airwarn.forecast;

import io.airwarn.aqi.AqiCalculator;
import io.airwarn.aqi.AqiItem;
import io.airwarn.aqi.BreakpointTable;

/**
 * The forecast distribution of one day: the point forecast in ln(1 + PM2.5) plus the model's residual percentiles,
 * read as 99 equally likely outcomes. AQI is monotone in PM2.5, so AQI quantiles and exceedance probabilities follow
 * from PM2.5 ones; the probabilities of AQI above 200 and 300 are then recalibrated by the model, which also says
 * at which of them it calls the day "above".
 */
public record ForecastDistribution(double expectedAqi, int lowAqi, int highAqi, double pAbove200, double pAbove300,
                                   double pAtLeast500, double medianPm25, Double decision200, Double decision300) {

    public static final int QUANTILES = 99;
    /** Percentiles 10 and 90, indices into the 1..99 grid: the 80 % interval. */
    private static final int LOW = 9;
    private static final int HIGH = 89;
    /** Beyond the first and last percentile the tails hold half a percent each. */
    private static final double TAIL = 0.005;

    /** The distribution of the residual percentiles alone, its probabilities uncalibrated. */
    public static ForecastDistribution of(BreakpointTable table, double predictedLn, double[] residualQuantiles) {
        double sum = 0;
        for (double q : residualQuantiles) {
            sum += DailySeries.aqiOf(table, pm(predictedLn + q));
        }
        return new ForecastDistribution(sum / QUANTILES,
                DailySeries.aqiOf(table, pm(predictedLn + residualQuantiles[LOW])),
                DailySeries.aqiOf(table, pm(predictedLn + residualQuantiles[HIGH])),
                exceedance(table, predictedLn, residualQuantiles, 200),
                exceedance(table, predictedLn, residualQuantiles, 300),
                exceedance(table, predictedLn, residualQuantiles, 499),
                pm(predictedLn + residualQuantiles[QUANTILES / 2]), null, null);
    }

    /** A fitted model's forecast from its predictor values. */
    public static ForecastDistribution of(BreakpointTable table, LeadModel model, Double[] predictors) {
        double ln = model.predictLn(predictors);
        ForecastDistribution d = of(table, ln, model.residualQuantiles());
        return new ForecastDistribution(d.expectedAqi, d.lowAqi, d.highAqi,
                model.above200().probability(ln, d.pAbove200), model.above300().probability(ln, d.pAbove300),
                d.pAtLeast500, d.medianPm25, model.above200().decision(), model.above300().decision());
    }

    /**
     * Whether the model calls the day above AQI 200: its probability reaches the model's decision, or without one
     * its expected AQI is above 200.
     */
    public boolean says200() {
        return says(expectedAqi, 200, pAbove200, decision200);
    }

    public boolean says300() {
        return says(expectedAqi, 300, pAbove300, decision300);
    }

    /**
     * The model's yes/no for AQI above {@code aqi}: its probability reaches its decision, or without one (a fit
     * without the skill to decide, a run stored before decisions) its expected AQI is above the threshold.
     */
    static boolean says(double expectedAqi, int aqi, double probability, Double decision) {
        return decision == null ? expectedAqi > aqi : probability >= decision;
    }

    private static double pm(double ln) {
        return Math.max(0, Math.expm1(ln));
    }

    /** P(AQI > aqi): the residual needed to pass the threshold concentration, read off the residual percentiles. */
    static double exceedance(BreakpointTable table, double predictedLn, double[] q, int aqi) {
        double threshold = AqiCalculator.concentrationAtMost(table, AqiItem.PM2_5_24H, aqi).doubleValue();
        double needed = Math.log1p(threshold) - predictedLn;
        if (needed < q[0]) {
            return 1 - TAIL;
        }
        if (needed >= q[q.length - 1]) {
            return TAIL;
        }
        int i = 0;
        while (needed >= q[i + 1]) {
            i++;
        }
        double width = q[i + 1] - q[i];
        double fraction = width == 0 ? 0 : (needed - q[i]) / width;
        double cdf = (i + 1 + fraction) / 100.0;
        return 1 - cdf;
    }
}
