package io.airwarn.observation;

import com.fasterxml.jackson.databind.JsonNode;
import io.airwarn.core.BeijingTime;
import io.airwarn.core.FreeText;
import io.airwarn.core.InvalidFileException;
import io.airwarn.core.SaneDates;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads the JSON observation format: an array of station-hours. A body that is not an array of objects is refused
 * whole; an item with a missing key, an unknown field, a wrong type or an impossible value is skipped and reported
 * with its index.
 */
public final class ObservationJsonReader {

    /** The longest text field (station, wind direction, time) an observation may carry. */
    static final int MAX_TEXT = 100;

    static final Set<String> NUMBER_FIELDS = Set.of("pm25", "pm10", "so2", "no2", "co", "o3", "temperature",
            "dewPoint", "humidity", "pressure", "windSpeed", "precipitation");
    static final Set<String> TEXT_FIELDS = Set.of("city", "station", "time", "windDirection");

    /** Valid rows grouped by station, and the items that were skipped. */
    public record Result(Map<StationKey, List<HourlyObservation>> byStation, List<SkippedRow> skipped, int items) {
    }

    private ObservationJsonReader() {
    }

    /**
     * @param knownCity whether a city code is one of AirWarn's units
     * @throws InvalidFileException when the body is not an array of objects
     */
    public static Result read(JsonNode body, Predicate<String> knownCity) {
        if (body == null || !body.isArray()) {
            throw new InvalidFileException("The body must be a JSON array of observations");
        }
        Map<StationKey, Map<LocalDateTime, HourlyObservation>> byStation = new LinkedHashMap<>();
        List<SkippedRow> skipped = new ArrayList<>();
        for (int index = 0; index < body.size(); index++) {
            JsonNode item = body.get(index);
            if (!item.isObject()) {
                throw new InvalidFileException("Item " + index + " is not a JSON object");
            }
            try {
                StationKey station = new StationKey(text(item, "city", true), text(item, "station", true));
                if (!knownCity.test(station.cityCode())) {
                    throw new IllegalArgumentException("city " + station.cityCode() + " is not one of AirWarn's units");
                }
                StationKey.nameProblem(station.name()).ifPresent(problem -> {
                    throw new IllegalArgumentException(problem);
                });
                HourlyObservation o = toObservation(item);
                String problem = ObservationRules.problem(o).orElse(null);
                if (problem != null) {
                    throw new IllegalArgumentException(problem);
                }
                byStation.computeIfAbsent(station, k -> new LinkedHashMap<>()).put(o.hour(), o);
            } catch (IllegalArgumentException e) {
                skipped.add(SkippedRow.atIndex(index, e.getMessage()));
            }
        }
        Map<StationKey, List<HourlyObservation>> rows = new LinkedHashMap<>();
        byStation.forEach((k, v) -> rows.put(k, List.copyOf(v.values())));
        return new Result(rows, skipped, body.size());
    }

    private static HourlyObservation toObservation(JsonNode item) {
        for (Iterator<String> names = item.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!NUMBER_FIELDS.contains(name) && !TEXT_FIELDS.contains(name)) {
                throw new IllegalArgumentException("unknown field " + name);
            }
        }
        return new HourlyObservation(hour(text(item, "time", true)), number(item, "pm25"), number(item, "pm10"),
                number(item, "so2"), number(item, "no2"), number(item, "co"), number(item, "o3"),
                number(item, "temperature"), number(item, "dewPoint"), number(item, "humidity"),
                number(item, "pressure"), number(item, "windSpeed"), text(item, "windDirection", false),
                number(item, "precipitation"));
    }

    /** An ISO-8601 time within the years AirWarn accepts; without an offset it is Beijing time. */
    static LocalDateTime hour(String time) {
        LocalDateTime hour = parseHour(time);
        SaneDates.yearProblem(hour.getYear()).ifPresent(problem -> {
            throw new IllegalArgumentException("time " + time + ": " + problem);
        });
        return hour;
    }

    private static LocalDateTime parseHour(String time) {
        try {
            return BeijingTime.toLocal(OffsetDateTime.parse(time));
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(time);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("time '" + time + "' is not an ISO-8601 date-time such as "
                        + "2015-12-01T08:00 (Beijing time) or 2015-12-01T00:00Z");
            }
        }
    }

    private static String text(JsonNode item, String field, boolean required) {
        JsonNode value = item.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new IllegalArgumentException(field + " is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        String problem = FreeText.cellProblem(value.asText(), MAX_TEXT);
        if (problem != null) {
            throw new IllegalArgumentException(field + " is " + problem);
        }
        return value.asText();
    }

    private static Double number(JsonNode item, String field) {
        JsonNode value = item.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw new IllegalArgumentException(field + " must be a number or null");
        }
        return value.asDouble();
    }
}
