package io.airwarn.forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One bin of a reliability diagram: the forecasts whose probability lies in [from, to) (the last bin includes 1),
 * their mean probability and how often the event happened. A calibrated forecast has the two equal. Null means
 * the bin is empty.
 */
public record ReliabilityBin(double from, double to, int n, Double meanProbability, Double observedFrequency) {

    static final int BINS = 10;

    /** The ten bins 0-0.1 .. 0.9-1 of P(AQI > threshold). */
    static List<ReliabilityBin> of(List<Prediction> predictions, int threshold,
                                   ToDoubleFunction<Prediction> probability) {
        int[] n = new int[BINS];
        double[] sumP = new double[BINS];
        int[] events = new int[BINS];
        for (Prediction p : predictions) {
            double value = probability.applyAsDouble(p);
            int bin = Math.min(BINS - 1, (int) Math.floor(value * BINS));
            n[bin]++;
            sumP[bin] += value;
            events[bin] += p.observedAqi() > threshold ? 1 : 0;
        }
        List<ReliabilityBin> bins = new ArrayList<>();
        for (int b = 0; b < BINS; b++) {
            bins.add(new ReliabilityBin(b / (double) BINS, (b + 1) / (double) BINS, n[b],
                    n[b] == 0 ? null : sumP[b] / n[b], n[b] == 0 ? null : (double) events[b] / n[b]));
        }
        return bins;
    }
}
