package io.airwarn.core;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Dates and times AirWarn accepts from outside: ISO-8601 text within 1900..2100. Anything else is a 400 naming the
 * field, never a database error (PostgreSQL's range ends long before Java's).
 */
public final class SaneDates {

    private static final int FIRST_YEAR = 1900;
    private static final int LAST_YEAR = 2100;

    private SaneDates() {
    }

    /** Why a year is refused, or empty when it lies in the accepted range. */
    public static Optional<String> yearProblem(int year) {
        return year < FIRST_YEAR || year > LAST_YEAR
                ? Optional.of("year " + year + " lies outside " + FIRST_YEAR + ".." + LAST_YEAR) : Optional.empty();
    }

    public static LocalDate date(String field, String value) {
        return parse(field, value, LocalDate::parse, LocalDate::getYear, "a date (YYYY-MM-DD)");
    }

    public static LocalDateTime dateTime(String field, String value) {
        return parse(field, value, LocalDateTime::parse, LocalDateTime::getYear,
                "a Beijing date and time (e.g. 2026-12-01T07:00)");
    }

    public static OffsetDateTime offsetDateTime(String field, String value) {
        return parse(field, value, OffsetDateTime::parse, OffsetDateTime::getYear,
                "ISO-8601 with an offset, e.g. 2026-12-01T07:00+08:00");
    }

    private static <T> T parse(String field, String value, Function<String, T> parser, ToIntFunction<T> year,
                               String expected) {
        T parsed;
        try {
            parsed = parser.apply(value);
        } catch (DateTimeParseException | NullPointerException e) {
            throw ApiException.badRequest("invalid_date", field + " '" + value + "' is not " + expected);
        }
        yearProblem(year.applyAsInt(parsed)).ifPresent(problem -> {
            throw ApiException.badRequest("invalid_date", field + " '" + value + "': " + problem);
        });
        return parsed;
    }
}
