package io.airwarn.forecast;

/** One scored forecast: the forecast AQI and probabilities against the observed AQI. */
public record Prediction(double forecastAqi, int observedAqi, double pAbove200, double pAbove300) {
}
