package io.airwarn.forecast;

/**
 * Logistic regression on one predictor, P(event) = 1 / (1 + exp(-(a + b x))), by Newton's method. A small ridge on
 * the slope keeps it finite when the events are perfectly separated. Pure.
 */
final class Logistic {

    private static final double RIDGE = 1.0;
    private static final int ITERATIONS = 100;

    private Logistic() {
    }

    /** 1 / (1 + exp(-(a + b x))). */
    static double probability(double a, double b, double x) {
        return 1 / (1 + Math.exp(-(a + b * x)));
    }

    /** @return {a, b} */
    static double[] fit(double[] values, boolean[] event) {
        // Centred for Newton's sake; the intercept is moved back at the end.
        double centre = java.util.Arrays.stream(values).average().orElse(0);
        double[] x = java.util.Arrays.stream(values).map(v -> v - centre).toArray();
        double a = 0;
        double b = 0;
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double ga = 0;
            double gb = -RIDGE * b;
            double haa = 0;
            double hab = 0;
            double hbb = RIDGE;
            for (int i = 0; i < x.length; i++) {
                double p = probability(a, b, x[i]);
                double r = (event[i] ? 1 : 0) - p;
                double w = p * (1 - p);
                ga += r;
                gb += r * x[i];
                haa += w;
                hab += w * x[i];
                hbb += w * x[i] * x[i];
            }
            double det = haa * hbb - hab * hab;
            if (det <= 0) {
                break;
            }
            double da = (hbb * ga - hab * gb) / det;
            double db = (haa * gb - hab * ga) / det;
            a += da;
            b += db;
            if (Math.abs(da) + Math.abs(db) < 1e-10) {
                break;
            }
        }
        return new double[] {a - b * centre, b};
    }
}
