package io.airwarn.accountability;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * A calendar month ("2015-11") or year ("2015"), with the valid days GB 3095-2012 requires for its statistics: a
 * year at least 324, a month at least 27 (February 25).
 */
public record Period(String label, LocalDate from, LocalDate to, int requiredDays) {

    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    /** @throws IllegalArgumentException naming the problem */
    public static Period parse(String text) {
        String t = text == null ? "" : text.trim();
        try {
            if (YEAR.matcher(t).matches()) {
                int year = Integer.parseInt(t);
                return new Period(t, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), 324);
            }
            if (MONTH.matcher(t).matches()) {
                YearMonth m = YearMonth.parse(t);
                return new Period(t, m.atDay(1), m.atEndOfMonth(), m.getMonth() == Month.FEBRUARY ? 25 : 27);
            }
        } catch (DateTimeParseException e) {
            // falls through to the error below
        }
        throw new IllegalArgumentException("period must be a year (2015) or a month (2015-11), not '" + t + "'");
    }

    /** The same period a year earlier. */
    public Period yearEarlier() {
        return parse(label.length() == 4 ? Integer.toString(from.getYear() - 1)
                : YearMonth.from(from).minusYears(1).toString());
    }

    public int days() {
        return (int) (to.toEpochDay() - from.toEpochDay() + 1);
    }
}
