package io.airwarn.observation;

import io.airwarn.core.CellValues;
import io.airwarn.core.CsvRows;
import io.airwarn.core.InvalidFileException;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a UCI PRSA hourly CSV file. A file whose header is not a known PRSA header, whose rows have the wrong
 * number of columns, or which is not UTF-8 is rejected whole; rows with impossible values are skipped and reported
 * with their line numbers. "NA" and empty cells are missing values. When an hour appears twice, the later row wins
 * and the earlier one is reported.
 */
public final class PrsaCsvReader {

    private static final double MICROGRAMS_PER_MILLIGRAM = 1000.0;

    private PrsaCsvReader() {
    }

    public static ParsedObservations read(byte[] content) {
        List<CsvRows.Row> rows = CsvRows.read(content);
        if (rows.isEmpty()) {
            throw new InvalidFileException("The file is empty; expected a UCI PRSA CSV header");
        }
        PrsaFormat format = PrsaFormat.recognise(rows.get(0).cells());
        if (format == null) {
            throw new InvalidFileException("Line 1 is not a UCI PRSA header. Expected " + PrsaFormat.PRSA_MULTISITE
                    + " (" + String.join(",", PrsaFormat.PRSA_MULTISITE.header()) + ") or " + PrsaFormat.PRSA_SINGLE_STATION
                    + " (" + String.join(",", PrsaFormat.PRSA_SINGLE_STATION.header()) + ")");
        }
        Map<LocalDateTime, Integer> lineOfHour = new LinkedHashMap<>();
        Map<LocalDateTime, HourlyObservation> byHour = new LinkedHashMap<>();
        List<SkippedRow> skipped = new ArrayList<>();
        int dataRows = 0;
        for (CsvRows.Row row : rows.subList(1, rows.size())) {
            if (row.isBlank()) {
                continue;
            }
            dataRows++;
            if (row.cells().size() != format.columnCount()) {
                throw new InvalidFileException("Line " + row.line() + " has " + row.cells().size() + " columns; the "
                        + format + " header has " + format.columnCount() + ". The file was not imported.");
            }
            try {
                HourlyObservation observation = toObservation(format, row.cells());
                String problem = ObservationRules.problem(observation).orElse(null);
                if (problem != null) {
                    skipped.add(SkippedRow.atLine(row.line(), problem));
                    continue;
                }
                Integer earlier = lineOfHour.put(observation.hour(), row.line());
                if (earlier != null) {
                    skipped.add(SkippedRow.atLine(earlier, "hour " + observation.hour() + " appears again on line "
                            + row.line() + ", which replaces it"));
                }
                byHour.put(observation.hour(), observation);
            } catch (IllegalArgumentException | DateTimeException e) {
                skipped.add(SkippedRow.atLine(row.line(), e.getMessage()));
            }
        }
        return new ParsedObservations(format, List.copyOf(byHour.values()), skipped, dataRows);
    }

    private static HourlyObservation toObservation(PrsaFormat format, List<String> cells) {
        Cells c = new Cells(format, cells);
        LocalDateTime hour = c.hour();
        return switch (format) {
            case PRSA_MULTISITE -> new HourlyObservation(hour, c.number("PM2.5"), c.number("PM10"), c.number("SO2"),
                    c.number("NO2"), perMilligram(c.number("CO")), c.number("O3"), c.number("TEMP"), c.number("DEWP"),
                    null, c.number("PRES"), c.number("WSPM"), c.text("wd"), c.number("RAIN"));
            case PRSA_SINGLE_STATION -> new HourlyObservation(hour, c.number("pm2.5"), null, null, null, null, null,
                    c.number("TEMP"), c.number("DEWP"), null, c.number("PRES"), null, c.text("cbwd"), null);
        };
    }

    private static Double perMilligram(Double microgramsPerCubicMetre) {
        return microgramsPerCubicMetre == null ? null : microgramsPerCubicMetre / MICROGRAMS_PER_MILLIGRAM;
    }

    /** The cells of one row, read by column name. */
    private record Cells(PrsaFormat format, List<String> cells) {

        LocalDateTime hour() {
            int year = integer("year");
            int month = integer("month");
            int day = integer("day");
            int hour = integer("hour");
            if (hour < 0 || hour > 23) {
                throw new IllegalArgumentException("hour " + hour + " is outside 0-23");
            }
            try {
                return LocalDateTime.of(year, month, day, hour, 0);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("date " + year + "-" + month + "-" + day + " does not exist");
            }
        }

        String raw(String column) {
            return cells.get(format.column(column)).trim();
        }

        int integer(String column) {
            String value = raw(column);
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("column " + column + ": '" + value + "' is not a whole number");
            }
        }

        Double number(String column) {
            return CellValues.number(raw(column), "column " + column);
        }

        String text(String column) {
            String value = raw(column);
            return value.isEmpty() || value.equals("NA") ? null : value;
        }
    }
}
