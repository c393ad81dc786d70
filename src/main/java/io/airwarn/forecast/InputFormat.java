package io.airwarn.forecast;

import io.airwarn.observation.PrsaFormat;
import java.util.List;

/**
 * The hourly files the command line reads, and where each keeps its pollutants (PM10 and hourly O3 only in the
 * multi-site files) and meteorology. Wind speed and
 * precipitation differ between layouts: the single-station and five-cities files give a cumulated wind speed
 * (Iws, read as its hourly increments: CumulatedWind), and the single-station file only cumulated hours of rain and
 * snow (counted as hours with precipitation).
 */
public enum InputFormat {
    PRSA_MULTISITE("PM2.5", "PM10", "O3", "TEMP", "DEWP", "PRES", "WSPM", "wd", "RAIN", null),
    PRSA_SINGLE_STATION("pm2.5", null, null, "TEMP", "DEWP", "PRES", "Iws", "cbwd", null, List.of("Ir", "Is")),
    FIVE_CITIES("PM_US Post", null, null, "TEMP", "DEWP", "PRES", "Iws", "cbwd", "precipitation", null);

    static final List<String> FIVE_CITIES_START = List.of("No", "year", "month", "day", "hour", "season");
    static final List<String> FIVE_CITIES_MET = List.of("DEWP", "HUMI", "PRES", "TEMP", "cbwd", "Iws",
            "precipitation", "Iprec");

    final String defaultPm25;
    /** Hourly PM10 and O3 (μg/m³) columns, or null where the layout has none. */
    final String pm10;
    final String o3;
    final String temperature;
    final String dewPoint;
    final String pressure;
    final String windSpeed;
    final String windDirection;
    /** A column in mm, or null. */
    final String precipitationMm;
    /** Cumulated-hours columns whose positive values mark an hour with precipitation, or null. */
    final List<String> precipitationHours;

    InputFormat(String defaultPm25, String pm10, String o3, String temperature, String dewPoint, String pressure, String windSpeed,
                String windDirection, String precipitationMm, List<String> precipitationHours) {
        this.defaultPm25 = defaultPm25;
        this.pm10 = pm10;
        this.o3 = o3;
        this.temperature = temperature;
        this.dewPoint = dewPoint;
        this.pressure = pressure;
        this.windSpeed = windSpeed;
        this.windDirection = windDirection;
        this.precipitationMm = precipitationMm;
        this.precipitationHours = precipitationHours;
    }

    /** Whether the wind column is the cumulated Iws rather than the hour's speed. */
    boolean cumulatedWind() {
        return this != PRSA_MULTISITE;
    }

    /** Station meteorology (wind in m/s, precipitation in mm) is what weather forecasts give. */
    static final String STATION_METEOROLOGY = "station: wind speed m/s, precipitation mm";

    /** What the model's wind and precipitation predictors mean, recorded in the model file. */
    String meteorology() {
        return switch (this) {
            case PRSA_MULTISITE -> STATION_METEOROLOGY;
            case PRSA_SINGLE_STATION -> "uci-hourly-iws: wind speed m/s from the increments of the cumulated Iws, "
                    + "precipitation is hours of rain or snow";
            case FIVE_CITIES -> "uci-hourly-iws: wind speed m/s from the increments of the cumulated Iws, "
                    + "precipitation mm";
        };
    }

    /**
     * Recognises a header as one of the layouts the command-line option names ("prsa" or "five-cities").
     *
     * @return null when the header is not of that option's layouts
     */
    static InputFormat recognise(String option, List<String> header) {
        if (option.equals("prsa")) {
            PrsaFormat prsa = PrsaFormat.recognise(header);
            if (prsa == PrsaFormat.PRSA_MULTISITE) {
                return PRSA_MULTISITE;
            }
            return prsa == PrsaFormat.PRSA_SINGLE_STATION ? PRSA_SINGLE_STATION : null;
        }
        if (option.equals("five-cities") && header.size() > FIVE_CITIES_START.size()
                && header.subList(0, FIVE_CITIES_START.size()).equals(FIVE_CITIES_START)
                && header.containsAll(FIVE_CITIES_MET)) {
            return FIVE_CITIES;
        }
        return null;
    }

    /** The wind quadrant of a direction label (cbwd: NW, NE, SE, cv; wd: 16 points), or null. */
    static Quadrant quadrant(String label) {
        return switch (label) {
            case "cv" -> Quadrant.CALM;
            case "N", "NNW", "NW", "WNW", "W" -> Quadrant.NORTH_WEST;
            case "NNE", "NE", "ENE", "E" -> Quadrant.NORTH_EAST;
            case "ESE", "SE", "SSE", "S", "SSW", "SW", "WSW" -> Quadrant.SOUTH_EAST;
            default -> null;
        };
    }

    enum Quadrant { NORTH_WEST, NORTH_EAST, SOUTH_EAST, CALM }
}
