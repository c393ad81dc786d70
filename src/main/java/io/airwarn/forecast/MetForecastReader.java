package io.airwarn.forecast;

import com.fasterxml.jackson.databind.JsonNode;
import io.airwarn.core.CellValues;
import io.airwarn.core.CsvRows;
import io.airwarn.core.SaneDates;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads posted weather forecasts: a JSON array of days, or CSV with a header naming the same fields. A forecast is
 * accepted whole or not at all; the error names the item or line and the field, and lists every day's problems.
 */
public final class MetForecastReader {

    /** A forecast refused for the values of its days: every problem, "item 2: windSpeed ...". */
    public static final class InvalidDays extends IllegalArgumentException {
        private final List<String> problems;

        InvalidDays(List<String> problems) {
            super(problems.get(0) + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problems)" : "")
                    + "; nothing was stored");
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    static final Set<String> FIELDS = Set.of("date", "temperature", "temperatureMin", "temperatureMax", "dewPoint",
            "humidity", "pressure", "windSpeed", "windDirection", "precipitation");
    static final int MAX_DAYS = 31;

    private MetForecastReader() {
    }

    public static List<MetForecastDay> fromJson(JsonNode body) {
        if (body == null || !body.isArray()) {
            throw new IllegalArgumentException("the body must be a JSON array of days");
        }
        List<Map<String, String>> items = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            JsonNode item = body.get(i);
            if (!item.isObject()) {
                throw new IllegalArgumentException("item " + i + " is not an object");
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                JsonNode v = f.getValue();
                if (!FIELDS.contains(f.getKey())) {
                    throw new IllegalArgumentException("item " + i + ": unknown field " + f.getKey() + "; fields are "
                            + FIELDS);
                }
                if (!v.isNull() && !v.isNumber() && !v.isTextual()) {
                    throw new IllegalArgumentException("item " + i + ": " + f.getKey() + " must be a number or text");
                }
                if (v.isTextual() && !f.getKey().equals("date") && !f.getKey().equals("windDirection")) {
                    throw new IllegalArgumentException("item " + i + ": " + f.getKey() + " must be a number");
                }
                fields.put(f.getKey(), v.isNull() ? null : v.asText());
            }
            items.add(fields);
        }
        return toDays(items, i -> "item " + i);
    }

    public static List<MetForecastDay> fromCsv(byte[] content) {
        List<CsvRows.Row> rows = CsvRows.read(content);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("the file is empty");
        }
        List<String> header = rows.get(0).cells().stream().map(String::trim).toList();
        List<Map<String, String>> items = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        for (CsvRows.Row row : rows.subList(1, rows.size())) {
            if (row.isBlank()) {
                continue;
            }
            if (row.cells().size() != header.size()) {
                throw new IllegalArgumentException("line " + row.line() + " has " + row.cells().size()
                        + " columns, the header " + header.size());
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                String value = row.cells().get(c).trim();
                fields.put(header.get(c), value.isEmpty() || value.equals("NA") ? null : value);
            }
            items.add(fields);
            lines.add(row.line());
        }
        return toDays(items, i -> "line " + lines.get(i));
    }

    private static List<MetForecastDay> toDays(List<Map<String, String>> items, Function<Integer, String> where) {
        if (items.isEmpty() || items.size() > MAX_DAYS) {
            throw new IllegalArgumentException("a forecast has 1 to " + MAX_DAYS + " days");
        }
        List<MetForecastDay> days = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            Map<String, String> f = items.get(i);
            String at = where.apply(i) + ": ";
            for (String name : f.keySet()) {
                if (!FIELDS.contains(name)) {
                    throw new IllegalArgumentException(at + "unknown field " + name + "; fields are " + FIELDS);
                }
            }
            MetForecastDay day = new MetForecastDay(date(f.get("date"), at), number(f, "temperature", at),
                    number(f, "temperatureMin", at), number(f, "temperatureMax", at), number(f, "dewPoint", at),
                    number(f, "humidity", at), number(f, "pressure", at), number(f, "windSpeed", at),
                    f.get("windDirection"), number(f, "precipitation", at));
            day.problems().forEach(problem -> problems.add(at + problem));
            if (!seen.add(day.date())) {
                problems.add(at + "date " + day.date() + " appears twice");
            }
            days.add(day);
        }
        if (!problems.isEmpty()) {
            throw new InvalidDays(problems);
        }
        return days;
    }

    private static LocalDate date(String value, String at) {
        if (value == null) {
            throw new IllegalArgumentException(at + "date is required");
        }
        try {
            LocalDate date = LocalDate.parse(value);
            SaneDates.yearProblem(date.getYear()).ifPresent(problem -> {
                throw new IllegalArgumentException(at + "date " + value + ": " + problem);
            });
            return date;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(at + "date '" + value + "' is not YYYY-MM-DD");
        }
    }

    private static Double number(Map<String, String> fields, String name, String at) {
        return CellValues.number(fields.get(name), at + name);
    }
}
