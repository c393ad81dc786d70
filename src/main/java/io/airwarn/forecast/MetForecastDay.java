package io.airwarn.forecast;

import java.time.LocalDate;
import java.util.Locale;
import java.util.ArrayList;
import java.util.List;

/**
 * A weather forecast for one city and day as it is posted: °C (the day's mean, and optionally its lowest and
 * highest), %, hPa, m/s, mm; wind direction as a compass point (N, NNE, ..., or calm). The model needs the dew
 * point; without one it is derived from temperature and humidity.
 */
public record MetForecastDay(LocalDate date, Double temperature, Double temperatureMin, Double temperatureMax,
                             Double dewPoint, Double humidity, Double pressure, Double windSpeed,
                             String windDirection, Double precipitation) {

    /** The model's view of the day: the dominant direction counts as the whole day's wind. */
    public DailyMet toDailyMet() {
        InputFormat.Quadrant q = windDirection == null ? null
                : windDirection.equalsIgnoreCase("calm") ? InputFormat.Quadrant.CALM
                : InputFormat.quadrant(windDirection.toUpperCase(Locale.ROOT));
        return new DailyMet(temperature, dewPoint != null ? dewPoint : dewPointOf(temperature, humidity), pressure,
                windSpeed, precipitation, share(q, InputFormat.Quadrant.NORTH_WEST),
                share(q, InputFormat.Quadrant.NORTH_EAST), share(q, InputFormat.Quadrant.SOUTH_EAST),
                share(q, InputFormat.Quadrant.CALM), temperatureMin, temperatureMax);
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

    /**
     * Why the day cannot be used: every value outside what the weather can do (a forecast with 1e29 m/s wind once
     * broke the province's forecast run), each named. Empty when the day is usable.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (date == null) {
            problems.add("date is required");
        }
        range(problems, "temperature", temperature, -60, 50, "°C");
        range(problems, "temperatureMin", temperatureMin, -60, 50, "°C");
        range(problems, "temperatureMax", temperatureMax, -60, 50, "°C");
        if (temperatureMin != null && temperatureMax != null && temperatureMin > temperatureMax) {
            problems.add("temperatureMin " + temperatureMin + " °C is above temperatureMax " + temperatureMax + " °C");
        }
        if (temperature != null && (temperatureMin != null && temperature < temperatureMin
                || temperatureMax != null && temperature > temperatureMax)) {
            problems.add("temperature " + temperature + " °C lies outside the day's temperatureMin..temperatureMax");
        }
        range(problems, "dewPoint", dewPoint, -80, 50, "°C");
        if (dewPoint != null && temperature != null && dewPoint > temperature + 1) {
            problems.add("dewPoint " + dewPoint + " °C is above the temperature " + temperature + " °C + 1");
        }
        range(problems, "humidity", humidity, 0, 100, "%");
        range(problems, "pressure", pressure, 500, 1100, "hPa");
        range(problems, "windSpeed", windSpeed, 0, 75, "m/s");
        range(problems, "precipitation", precipitation, 0, 500, "mm/day");
        if (windDirection != null && !windDirection.equalsIgnoreCase("calm")
                && InputFormat.quadrant(windDirection.toUpperCase(Locale.ROOT)) == null) {
            problems.add("windDirection must be a compass point (N, NNE, ..., NNW) or calm");
        }
        return problems;
    }

    private static void range(List<String> problems, String field, Double value, double min, double max,
                              String unit) {
        if (value != null && !(value >= min && value <= max)) {
            problems.add(field + " " + value + " " + unit + " lies outside " + (int) min + ".." + (int) max + " " + unit);
        }
    }
}
