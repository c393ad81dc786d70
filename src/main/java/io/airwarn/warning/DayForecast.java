package io.airwarn.warning;

import java.time.LocalDate;

/**
 * One forecast day as the criteria see it: the daily AQI and, when known, the exceedance probabilities
 * (null for a plain AQI series).
 */
public record DayForecast(LocalDate date, int aqi, Double pAbove200, Double pAbove300, Double pAtLeast500) {

    public static DayForecast of(LocalDate date, int aqi) {
        return new DayForecast(date, aqi, null, null, null);
    }
}
