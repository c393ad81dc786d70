package io.airwarn.observation;

import java.time.LocalDateTime;

/**
 * One station-hour, Beijing time. Concentrations in μg/m³ except CO in mg/m³; null means missing.
 * Temperature and dew point in °C, humidity in %, pressure in hPa, wind speed in m/s, precipitation in mm.
 */
public record HourlyObservation(LocalDateTime hour, Double pm2_5, Double pm10, Double so2, Double no2, Double co,
                                Double o3, Double temperature, Double dewPoint, Double humidity, Double pressure,
                                Double windSpeed, String windDirection, Double precipitation) {
}
