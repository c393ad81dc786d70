package io.airwarn.forecast;

/**
 * One scored forecast: the forecast AQI and probabilities against the observed AQI, the yes/no forecasts of AQI
 * above 200 and above 300 that the categorical scores count, and the 80 % interval where the forecast has one.
 */
public record Prediction(double forecastAqi, int observedAqi, double pAbove200, double pAbove300, boolean says200,
                         boolean says300, Integer lowAqi, Integer highAqi) {

    /** Yes/no from the forecast AQI itself: "above 200" when the forecast AQI is above 200. */
    public Prediction(double forecastAqi, int observedAqi, double pAbove200, double pAbove300) {
        this(forecastAqi, observedAqi, pAbove200, pAbove300, forecastAqi > 200, forecastAqi > 300, null, null);
    }

    /** A model's forecast, its yes/no being the model's own decision (or {@code decision} when one is given). */
    public static Prediction of(ForecastDistribution d, int observedAqi, Double decision) {
        return new Prediction(d.expectedAqi(), observedAqi, d.pAbove200(), d.pAbove300(),
                decision == null ? d.says200() : d.pAbove200() >= decision,
                decision == null ? d.says300() : d.pAbove300() >= decision, d.lowAqi(), d.highAqi());
    }

    boolean pointSays200() {
        return forecastAqi > 200;
    }

    boolean pointSays300() {
        return forecastAqi > 300;
    }
}
