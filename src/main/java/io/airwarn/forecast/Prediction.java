package io.airwarn.forecast;

/**
 * One scored forecast: the forecast AQI and probabilities against the observed AQI, and the yes/no forecasts of
 * AQI above 200 and above 300 that the categorical scores count.
 */
public record Prediction(double forecastAqi, int observedAqi, double pAbove200, double pAbove300, boolean says200,
                         boolean says300) {

    /** Yes/no from the forecast AQI itself: "above 200" when the forecast AQI is above 200. */
    public Prediction(double forecastAqi, int observedAqi, double pAbove200, double pAbove300) {
        this(forecastAqi, observedAqi, pAbove200, pAbove300, forecastAqi > 200, forecastAqi > 300);
    }

    /** Yes/no from the probability: "above 200" when P(AQI > 200) reaches {@code decision} (a cost/loss choice). */
    public static Prediction atProbability(double forecastAqi, int observedAqi, double pAbove200, double pAbove300,
                                           double decision) {
        return new Prediction(forecastAqi, observedAqi, pAbove200, pAbove300, pAbove200 >= decision,
                pAbove300 >= decision);
    }
}
