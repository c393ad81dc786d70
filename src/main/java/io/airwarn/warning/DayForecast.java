package io.airwarn.warning;

import java.time.LocalDate;

/**
 * One forecast day as the criteria see it: the daily AQI and, when known, the exceedance probabilities and whether
 * the forecast model itself calls the day above 200 and above 300 (null for a plain AQI series).
 */
public record DayForecast(LocalDate date, int aqi, Double pAbove200, Double pAbove300, Double pAtLeast500,
                          Boolean says200, Boolean says300) {

    public static DayForecast of(LocalDate date, int aqi) {
        return new DayForecast(date, aqi, null, null, null, null, null);
    }

    /** A forecast day with probabilities but without the model's yes/no. */
    public static DayForecast of(LocalDate date, int aqi, double pAbove200, double pAbove300, double pAtLeast500) {
        return new DayForecast(date, aqi, pAbove200, pAbove300, pAtLeast500, null, null);
    }
}
