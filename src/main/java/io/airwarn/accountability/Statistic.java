package io.airwarn.accountability;

/**
 * The six pollutants' period statistics as GB 3095-2012 and HJ 663-2013 assess them, with the Grade II limit each is
 * compared against in the composite index: annual means for SO2, NO2, PM10 and PM2.5; the 95th percentile of daily
 * means for CO (24 h limit, mg/m³); the 90th percentile of the daily maximum 8 h means for O3 (8 h limit).
 */
public enum Statistic {
    SO2("annual mean", 60),
    NO2("annual mean", 40),
    PM10("annual mean", 70),
    PM2_5("annual mean", 35),
    CO("95th percentile of daily means", 4),
    O3("90th percentile of daily maximum 8 h means", 160);

    private final String method;
    private final double gradeTwoLimit;

    Statistic(String method, double gradeTwoLimit) {
        this.method = method;
        this.gradeTwoLimit = gradeTwoLimit;
    }

    public String method() {
        return method;
    }

    public double gradeTwoLimit() {
        return gradeTwoLimit;
    }

    /** The statistic of a period's valid daily values (which it may reorder). */
    double of(double[] values) {
        return switch (this) {
            case CO -> Percentiles.of(values, 95);
            case O3 -> Percentiles.of(values, 90);
            default -> java.util.Arrays.stream(values).average().orElse(Double.NaN);
        };
    }

    /** The day's value for this statistic, or null when the day is not valid for it. */
    Double value(DailyValues d) {
        return switch (this) {
            case SO2 -> d.so2();
            case NO2 -> d.no2();
            case PM10 -> d.pm10();
            case PM2_5 -> d.pm25();
            case CO -> d.co();
            case O3 -> d.o3Max8h();
        };
    }
}
