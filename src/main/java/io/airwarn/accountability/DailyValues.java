package io.airwarn.accountability;

import java.time.LocalDate;

/**
 * One unit's stored daily values (μg/m³, CO mg/m³); null where the day is not valid for that pollutant under the
 * daily completeness rules the aggregation applies.
 */
public record DailyValues(LocalDate day, Double so2, Double no2, Double pm10, Double pm25, Double co, Double o3Max8h,
                          Integer aqi) {
}
