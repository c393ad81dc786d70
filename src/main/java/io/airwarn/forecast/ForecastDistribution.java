package io.airwarn.forecast;

import io.airwarn.aqi.BreakpointTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The forecast distribution of one day's AQI from the forecasts of its pollutants. Each pollutant's forecast is its
 * point forecast in ln(1 + concentration) plus its model's residual percentiles, read as 99 equally likely outcomes.
 * The pollutants share the weather that drives their errors, so their percentiles are taken to move together: the
 * k-th outcome of the AQI is the highest of the pollutants' k-th sub-indices. P(AQI above 200 or 300) is the highest
 * of the pollutants' probabilities, each recalibrated by its model; the day is called "above" when any pollutant's
 * model says so.
 *
 * @param subIndices the pollutants' own forecasts, in {@link ForecastPollutant} order
 */
public record ForecastDistribution(double expectedAqi, int lowAqi, int highAqi, double pAbove200, double pAbove300,
                                   double pAtLeast500, boolean says200, boolean says300,
                                   List<SubIndexForecast> subIndices) {

    public static final int QUANTILES = 99;
    /** Percentiles 10 and 90, indices into the 1..99 grid: the 80 % interval. */
    private static final int LOW = 9;
    private static final int HIGH = 89;
    /** Beyond the first and last percentile the tails hold half a percent each. */
    private static final double TAIL = 0.005;

    /**
     * One pollutant's forecast: its expected sub-index, the probabilities of the sub-index above 200 and 300, the
     * probabilities at which its model says "above" (null where its expected sub-index decides) and what it says.
     */
    public record SubIndexForecast(ForecastPollutant pollutant, double expectedSubIndex, double pAbove200,
                                   double pAbove300, Double decision200, Double decision300, boolean says200,
                                   boolean says300) {
    }

    /** One pollutant's point forecast with its fit; a fit without calibrations keeps the residuals' probabilities. */
    public record Part(ForecastPollutant pollutant, double predictedLn, double[] residualQuantiles,
                       LeadModel.Calibration above200, LeadModel.Calibration above300) {

        static Part of(LeadModel model, Double[] predictors) {
            return new Part(model.pollutant(), model.predictLn(predictors), model.residualQuantiles(),
                    model.above200(), model.above300());
        }
    }

    /** One pollutant's distribution from its residual percentiles alone, the probabilities uncalibrated. */
    public static ForecastDistribution of(BreakpointTable table, ForecastPollutant pollutant, double predictedLn,
                                          double[] residualQuantiles) {
        LeadModel.Calibration none = new LeadModel.Calibration(null, null, null);
        return of(table, List.of(new Part(pollutant, predictedLn, residualQuantiles, none, none)));
    }

    /** A fitted model's forecast of its pollutant alone. */
    public static ForecastDistribution of(BreakpointTable table, LeadModel model, Double[] predictors) {
        return of(table, List.of(Part.of(model, predictors)));
    }

    /** The day's AQI from the forecasts of its pollutants (at least one). */
    public static ForecastDistribution of(BreakpointTable table, List<Part> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("an AQI forecast needs at least one pollutant");
        }
        int[] aqi = new int[QUANTILES];
        List<SubIndexForecast> subIndices = new ArrayList<>();
        double pAbove200 = 0;
        double pAbove300 = 0;
        double pAtLeast500 = 0;
        boolean says200 = false;
        boolean says300 = false;
        for (Part part : parts.stream().sorted(Comparator.comparing(Part::pollutant)).toList()) {
            double sum = 0;
            for (int k = 0; k < QUANTILES; k++) {
                int sub = part.pollutant().subIndex(table, concentration(part.predictedLn() + part.residualQuantiles()[k]));
                aqi[k] = Math.max(aqi[k], sub);
                sum += sub;
            }
            double expected = sum / QUANTILES;
            double p200 = part.above200().probability(part.predictedLn(), exceedance(table, part, 200));
            double p300 = part.above300().probability(part.predictedLn(), exceedance(table, part, 300));
            boolean s200 = says(expected, 200, p200, part.above200().decision());
            boolean s300 = says(expected, 300, p300, part.above300().decision());
            subIndices.add(new SubIndexForecast(part.pollutant(), expected, p200, p300, part.above200().decision(),
                    part.above300().decision(), s200, s300));
            pAbove200 = Math.max(pAbove200, p200);
            pAbove300 = Math.max(pAbove300, p300);
            pAtLeast500 = Math.max(pAtLeast500, exceedance(table, part, 499));
            says200 |= s200;
            says300 |= s300;
        }
        double sum = 0;
        for (int a : aqi) {
            sum += a;
        }
        return new ForecastDistribution(sum / QUANTILES, aqi[LOW], aqi[HIGH], pAbove200, pAbove300, pAtLeast500,
                says200, says300, List.copyOf(subIndices));
    }

    /** The pollutant with the highest expected sub-index: the forecast primary pollutant. */
    public ForecastPollutant primaryPollutant() {
        return subIndices.stream().max(Comparator.comparingDouble(SubIndexForecast::expectedSubIndex)).orElseThrow()
                .pollutant();
    }

    /**
     * A model's yes/no for a sub-index above {@code aqi}: its probability reaches its decision, or without one (a
     * fit without the skill to decide, a run stored before decisions) its expected value is above the threshold.
     */
    static boolean says(double expected, int aqi, double probability, Double decision) {
        return decision == null ? expected > aqi : probability >= decision;
    }

    private static double concentration(double ln) {
        return Math.max(0, Math.expm1(ln));
    }

    /**
     * P(sub-index > aqi): the residual needed to pass the threshold concentration, read off the residual
     * percentiles.
     */
    static double exceedance(BreakpointTable table, Part part, int aqi) {
        double threshold = part.pollutant().concentrationAtMost(table, aqi);
        double needed = Math.log1p(threshold) - part.predictedLn();
        double[] q = part.residualQuantiles();
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
