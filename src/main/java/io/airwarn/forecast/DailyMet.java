package io.airwarn.forecast;

/**
 * A day's meteorology, observed or forecast; null means unknown. Temperature and dew point in °C, pressure in hPa,
 * wind speed in the unit of the data the model was fitted on (m/s for station data), precipitation in mm (or hours
 * of rain for the single-station PRSA file), the share of hours with wind from the north-west, north-east and
 * south-east quadrants and calm, and the day's lowest and highest hourly temperature (their range is the model's
 * proxy for a night-time inversion).
 */
public record DailyMet(Double temperature, Double dewPoint, Double pressure, Double windSpeed, Double precipitation,
                       Double windNorthWest, Double windNorthEast, Double windSouthEast, Double windCalm,
                       Double temperatureMin, Double temperatureMax) {

    public static final DailyMet UNKNOWN = new DailyMet(null, null, null, null, null, null, null, null, null, null,
            null);

    /** Highest minus lowest temperature, or null when either is unknown. */
    public Double temperatureRange() {
        return temperatureMin == null || temperatureMax == null ? null : temperatureMax - temperatureMin;
    }
}
