package io.airwarn.forecast;

/** Fired (asynchronously) when a forecast run has been stored, for those who act on new forecasts. */
public record ForecastIssued(String city, long runId) {
}
