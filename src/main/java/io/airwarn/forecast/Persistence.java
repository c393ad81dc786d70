package io.airwarn.forecast;

/** The reference that repeats the origin day: AQI of day D for every lead, probabilities 0 or 1. */
public final class Persistence {

    private Persistence() {
    }

    public static Prediction forecast(int originAqi, int observedAqi) {
        return new Prediction(originAqi, observedAqi, originAqi > 200 ? 1 : 0, originAqi > 300 ? 1 : 0);
    }
}
