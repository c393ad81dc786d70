package io.airwarn.forecast;

/** The command line's --met values. */
final class MetOption {

    private MetOption() {
    }

    static Predictors.MetMode parse(String value) {
        return switch (value) {
            case "perfect" -> Predictors.MetMode.TARGET_DAY;
            case "none" -> Predictors.MetMode.NONE;
            default -> throw new IllegalArgumentException("--met must be perfect or none, not " + value);
        };
    }
}
