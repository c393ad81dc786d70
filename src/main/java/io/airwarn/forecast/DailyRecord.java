package io.airwarn.forecast;

import java.time.LocalDate;

/** One day of a city: the daily mean PM2.5 (null unless 20 valid hours) and the day's meteorology. */
public record DailyRecord(LocalDate date, Double pm25, DailyMet met) {
}
