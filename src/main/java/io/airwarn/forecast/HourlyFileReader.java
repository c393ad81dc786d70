package io.airwarn.forecast;

import io.airwarn.core.CellValues;
import io.airwarn.core.CsvRows;
import io.airwarn.core.InvalidFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads hourly UCI files (PRSA or five-cities layout) into daily records: the hourly PM2.5 is the mean of the listed
 * columns present that hour (over all files, e.g. the stations of a city), and so are PM10 and O3 where the layout has
 * them; daily values as {@link DayAccumulator} makes them (GB 3095-2012); meteorology is averaged over the hours
 * that have it. Any malformed file stops the read with a
 * message naming the file and line.
 */
public final class HourlyFileReader {

    static final int MIN_PM_HOURS = 20;
    static final int MIN_MET_HOURS = 6;

    private HourlyFileReader() {
    }

    /**
     * @param formatOption "prsa" or "five-cities"
     * @param pm25Columns  the columns whose mean is the hourly PM2.5; empty for the layout's default
     */
    /** The days read and the layout of the files. */
    public record Result(List<DailyRecord> days, InputFormat format) {
    }

    public static Result read(List<Path> files, String formatOption, List<String> pm25Columns) {
        if (!formatOption.equals("prsa") && !formatOption.equals("five-cities")) {
            throw new IllegalArgumentException("--format must be prsa or five-cities, not " + formatOption);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no input files");
        }
        Map<LocalDateTime, HourAccumulator> hours = new TreeMap<>();
        InputFormat format = null;
        for (Path file : files) {
            InputFormat fileFormat = readFile(file, formatOption, pm25Columns, hours);
            if (format != null && fileFormat != format) {
                throw new IllegalArgumentException(file + ": is " + fileFormat + ", the other files " + format);
            }
            format = fileFormat;
        }
        return new Result(daily(hours), format);
    }

    private static InputFormat readFile(Path file, String formatOption, List<String> pm25Columns,
                                        Map<LocalDateTime, HourAccumulator> hours) {
        List<CsvRows.Row> rows;
        try {
            rows = CsvRows.read(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read (" + e.getMessage() + ")");
        } catch (InvalidFileException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(file + ": the file is empty");
        }
        List<String> header = rows.get(0).cells().stream().map(String::trim).toList();
        InputFormat format = InputFormat.recognise(formatOption, header);
        if (format == null) {
            throw new IllegalArgumentException(file + ": line 1 is not a " + formatOption + " header");
        }
        List<String> pmNames = pm25Columns.isEmpty() ? List.of(format.defaultPm25) : pm25Columns;
        List<Integer> pmColumns = new ArrayList<>();
        for (String name : pmNames) {
            if (!header.contains(name)) {
                throw new IllegalArgumentException(file + ": no column '" + name + "' (columns: "
                        + String.join(", ", header) + ")");
            }
            pmColumns.add(header.indexOf(name));
        }
        Columns c = new Columns(header, format, new CumulatedWind());
        for (CsvRows.Row row : rows.subList(1, rows.size())) {
            if (row.isBlank()) {
                continue;
            }
            if (row.cells().size() != header.size()) {
                throw new IllegalArgumentException(file + ": line " + row.line() + " has " + row.cells().size()
                        + " columns, the header " + header.size());
            }
            try {
                c.accumulate(row.cells(), pmColumns, hours);
            } catch (IllegalArgumentException | DateTimeException e) {
                throw new IllegalArgumentException(file + ": line " + row.line() + ": " + e.getMessage());
            }
        }
        return format;
    }

    private static List<DailyRecord> daily(Map<LocalDateTime, HourAccumulator> hours) {
        Map<LocalDate, List<HourAccumulator>> byDay = new TreeMap<>();
        hours.forEach((hour, acc) -> byDay.computeIfAbsent(hour.toLocalDate(), d -> new ArrayList<>()).add(acc));
        List<DailyRecord> days = new ArrayList<>();
        byDay.forEach((day, list) -> days.add(DayAccumulator.of(list).toRecord(day)));
        return days;
    }

    /** Column positions of one file and the parsing of its rows; a file is one station, in hour order. */
    private record Columns(List<String> header, InputFormat format, CumulatedWind wind) {

        int at(String name) {
            return name == null ? -1 : header.indexOf(name);
        }

        void accumulate(List<String> cells, List<Integer> pmColumns, Map<LocalDateTime, HourAccumulator> hours) {
            LocalDateTime hour = LocalDateTime.of(integer(cells, "year"), integer(cells, "month"),
                    integer(cells, "day"), integer(cells, "hour"), 0);
            HourAccumulator acc = hours.computeIfAbsent(hour, h -> new HourAccumulator(h.getHour()));
            for (int column : pmColumns) {
                addConcentration(acc, ForecastPollutant.PM2_5, number(cells, column));
            }
            addConcentration(acc, ForecastPollutant.PM10, number(cells, at(format.pm10)));
            addConcentration(acc, ForecastPollutant.O3_8H, number(cells, at(format.o3)));
            acc.temperature.add(number(cells, at(format.temperature)));
            acc.dewPoint.add(number(cells, at(format.dewPoint)));
            acc.pressure.add(number(cells, at(format.pressure)));
            Double wind = number(cells, at(format.windSpeed));
            String direction = cells.get(at(format.windDirection)).trim();
            acc.windSpeed.add(format.cumulatedWind() ? this.wind.hourly(hour, wind, direction) : wind);
            if (format.precipitationMm != null) {
                acc.precipitation.add(number(cells, at(format.precipitationMm)));
            } else {
                double wet = 0;
                for (String column : format.precipitationHours) {
                    Double v = number(cells, at(column));
                    wet = v != null && v > 0 ? 1 : wet;
                }
                acc.precipitation.add(wet);
            }
            acc.quadrant(InputFormat.quadrant(direction));
        }

        static void addConcentration(HourAccumulator acc, ForecastPollutant pollutant, Double value) {
            if (value != null && value >= 0) {
                acc.pollutants.get(pollutant).add(value);
            }
        }

        int integer(List<String> cells, String column) {
            String value = cells.get(at(column)).trim();
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("column " + column + ": '" + value + "' is not a whole number");
            }
        }

        Double number(List<String> cells, int column) {
            if (column < 0) {
                return null;
            }
            return CellValues.number(cells.get(column), "column " + header.get(column));
        }
    }
}
