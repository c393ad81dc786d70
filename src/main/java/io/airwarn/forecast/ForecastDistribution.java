package io.airwarn.forecast;

import io.airwarn.aqi.BreakpointTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * The forecast distribution of one day's AQI from the forecasts of its pollutants. Each pollutant's forecast is its
 * point forecast in ln(1 + concentration) plus its model's residual percentiles, read as 99 equally likely outcomes
 * of its sub-index. PM2.5 is part of PM10 and both come from the same sources, so their errors are taken to move
 * together: the k-th outcome of the particles is the higher of their k-th sub-indices. Ozone is made by sunlight,
 * not emitted, and its errors are taken to be independent of the particles': the AQI is above a value unless both
 * the particles and ozone are at or below it. The same holds for P(AQI above 200 or 300), from each pollutant's
 * probability as its fit recalibrated it. The day is called "above" when any pollutant's fit says so. (Moving all
 * three together made the 80 % interval of the multi-site test days cover 86-89 % of them, treating all three as
 * independent 58-79 %; this split 73-84 %.)
 *
 * @param subIndices the pollutants' own forecasts, in {@link ForecastPollutant} order
 */
public record ForecastDistribution(double expectedAqi, int lowAqi, int highAqi, double pAbove200, double pAbove300,
                                   double pAtLeast500, boolean says200, boolean says300,
                                   List<SubIndexForecast> subIndices) {

    public static final int QUANTILES = 99;
    /** The 80 % interval: the 10th and 90th percentile. */
    private static final double LOW_SHARE = 0.1;
    private static final double HIGH_SHARE = 0.9;
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
        Group particles = new Group();
        Group ozone = new Group();
        List<SubIndexForecast> subIndices = new ArrayList<>();
        boolean says200 = false;
        boolean says300 = false;
        for (Part part : parts.stream().sorted(Comparator.comparing(Part::pollutant)).toList()) {
            int[] outcomes = new int[QUANTILES];
            double sum = 0;
            for (int k = 0; k < QUANTILES; k++) {
                outcomes[k] = part.pollutant().subIndex(table, concentration(part.predictedLn()
                        + part.residualQuantiles()[k]));
                sum += outcomes[k];
            }
            double expected = sum / QUANTILES;
            double p200 = part.above200().probability(part.predictedLn(), exceedance(table, part, 200));
            double p300 = part.above300().probability(part.predictedLn(), exceedance(table, part, 300));
            boolean s200 = says(expected, 200, p200, part.above200().decision());
            boolean s300 = says(expected, 300, p300, part.above300().decision());
            subIndices.add(new SubIndexForecast(part.pollutant(), expected, p200, p300, part.above200().decision(),
                    part.above300().decision(), s200, s300));
            (part.pollutant() == ForecastPollutant.O3_8H ? ozone : particles).add(outcomes, p200, p300,
                    exceedance(table, part, 499));
            says200 |= s200;
            says300 |= s300;
        }
        List<Group> groups = Stream.of(particles, ozone).filter(g -> g.outcomes != null).toList();
        Summary aqi = summary(groups);
        return new ForecastDistribution(aqi.expected(), aqi.low(), aqi.high(),
                eitherAbove(groups, g -> g.pAbove200), eitherAbove(groups, g -> g.pAbove300),
                eitherAbove(groups, g -> g.pAtLeast500), says200, says300, List.copyOf(subIndices));
    }

    /** Pollutants whose errors move together: per outcome the highest sub-index, per threshold the highest probability. */
    private static final class Group {
        int[] outcomes;
        double pAbove200;
        double pAbove300;
        double pAtLeast500;

        void add(int[] subIndices, double p200, double p300, double p500) {
            if (outcomes == null) {
                outcomes = subIndices.clone();
            } else {
                for (int k = 0; k < QUANTILES; k++) {
                    outcomes[k] = Math.max(outcomes[k], subIndices[k]);
                }
            }
            pAbove200 = Math.max(pAbove200, p200);
            pAbove300 = Math.max(pAbove300, p300);
            pAtLeast500 = Math.max(pAtLeast500, p500);
        }

        /** The share of outcomes at or below {@code aqi}. */
        double atMost(int aqi) {
            int n = 0;
            for (int o : outcomes) {
                n += o <= aqi ? 1 : 0;
            }
            return (double) n / QUANTILES;
        }
    }

    /** P(AQI > x) of independent groups: not every group at or below it. */
    private static double eitherAbove(List<Group> groups, ToDoubleFunction<Group> above) {
        double none = 1;
        for (Group g : groups) {
            none *= 1 - above.applyAsDouble(g);
        }
        return 1 - none;
    }

    /** The expected AQI and its 10th and 90th percentiles. */
    private record Summary(double expected, int low, int high) {
    }

    /**
     * The AQI being at or below a value when every independent group is (for one group: the mean of its outcomes,
     * and its 10th and 90th).
     */
    private static Summary summary(List<Group> groups) {
        TreeSet<Integer> values = new TreeSet<>();
        groups.forEach(g -> Arrays.stream(g.outcomes).forEach(values::add));
        double expected = 0;
        double below = 0;
        int low = -1;
        int high = -1;
        for (int value : values) {
            double cdf = 1;
            for (Group g : groups) {
                cdf *= g.atMost(value);
            }
            expected += value * (cdf - below);
            low = low < 0 && cdf >= LOW_SHARE ? value : low;
            high = high < 0 && cdf >= HIGH_SHARE ? value : high;
            below = cdf;
        }
        return new Summary(expected, low, high);
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
