package io.airwarn.forecast;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * A weather forecast for one city and day as it is posted: °C, %, hPa, m/s, mm; wind direction as a compass point
 * (N, NNE, ..., or calm). The model needs the dew point; without one it is derived from temperature and humidity.
 */
public record MetForecastDay(LocalDate date, Double temperature, Double dewPoint, Double humidity, Double pressure,
                             Double windSpeed, String windDirection, Double precipitation) {

    /** The model's view of the day: the dominant direction counts as the whole day's wind. */
    public DailyMet toDailyMet() {
        InputFormat.Quadrant q = windDirection == null ? null
                : windDirection.equalsIgnoreCase("calm") ? InputFormat.Quadrant.CALM
                : InputFormat.quadrant(windDirection.toUpperCase(Locale.ROOT));
        return new DailyMet(temperature, dewPoint != null ? dewPoint : dewPointOf(temperature, humidity), pressure,
                windSpeed, precipitation, share(q, InputFormat.Quadrant.NORTH_WEST),
                share(q, InputFormat.Quadrant.NORTH_EAST), share(q, InputFormat.Quadrant.SOUTH_EAST),
                share(q, InputFormat.Quadrant.CALM));
    }

    private static Double share(InputFormat.Quadrant actual, InputFormat.Quadrant quadrant) {
        return actual == null ? null : actual == quadrant ? 1.0 : 0.0;
    }

    /** Magnus formula (Alduchov and Eskridge 1996 coefficients). */
    static Double dewPointOf(Double temperature, Double humidity) {
        if (temperature == null || humidity == null || humidity <= 0) {
            return null;
        }
        double b = 17.625;
        double c = 243.04;
        double gamma = Math.log(humidity / 100) + b * temperature / (c + temperature);
        return c * gamma / (b - gamma);
    }

    /** Why the day cannot be used, if it cannot. */
    public Optional<String> problem() {
        if (date == null) {
            return Optional.of("date is required");
        }
        if (humidity != null && (humidity < 0 || humidity > 100)) {
            return Optional.of("humidity must lie in 0-100");
        }
        if (windSpeed != null && windSpeed < 0 || precipitation != null && precipitation < 0
                || pressure != null && pressure <= 0) {
            return Optional.of("wind speed, precipitation and pressure cannot be negative");
        }
        if (windDirection != null && !windDirection.equalsIgnoreCase("calm")
                && InputFormat.quadrant(windDirection.toUpperCase(Locale.ROOT)) == null) {
            return Optional.of("windDirection must be a compass point (N, NNE, ..., NNW) or calm");
        }
        return Optional.empty();
    }
}
