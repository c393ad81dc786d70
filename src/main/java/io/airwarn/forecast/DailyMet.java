package io.airwarn.forecast;

/**
 * A day's meteorology, observed or forecast; null means unknown. Temperature and dew point in °C, pressure in hPa,
 * wind speed in the unit of the data the model was fitted on (m/s for station data), precipitation in mm (or hours
 * of rain for the single-station PRSA file), and the share of hours with wind from the north-west, north-east and
 * south-east quadrants and calm.
 */
public record DailyMet(Double temperature, Double dewPoint, Double pressure, Double windSpeed, Double precipitation,
                       Double windNorthWest, Double windNorthEast, Double windSouthEast, Double windCalm) {

    public static final DailyMet UNKNOWN = new DailyMet(null, null, null, null, null, null, null, null, null);
}
