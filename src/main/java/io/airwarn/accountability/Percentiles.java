package io.airwarn.accountability;

import java.util.Arrays;

/** Percentiles as HJ 663-2013 computes them (its formula 1; linear between order statistics). */
final class Percentiles {

    private Percentiles() {
    }

    /**
     * Sorts ascending; with k = 1 + (n - 1) p / 100 and s its integer part, the p-th percentile is
     * X(s) + (X(s+1) - X(s)) (k - s), positions counted from 1.
     */
    static double of(double[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] x = values.clone();
        Arrays.sort(x);
        double k = 1 + (x.length - 1) * p / 100.0;
        int s = (int) Math.floor(k);
        if (s >= x.length) {
            return x[x.length - 1];
        }
        return x[s - 1] + (x[s] - x[s - 1]) * (k - s);
    }
}
