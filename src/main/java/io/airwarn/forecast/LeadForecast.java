package io.airwarn.forecast;

import java.time.LocalDate;

/** One forecast day: its lead, date, whether a weather forecast was used, and the forecast distribution. */
public record LeadForecast(int lead, LocalDate date, boolean withMeteorology, ForecastDistribution distribution) {
}
