package io.airwarn.observation;

import io.airwarn.aqi.AqiItem;
import io.airwarn.aqi.AqiResult;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Map;

/**
 * A city's AQI for one hour or one day.
 *
 * @param start           the hour, or midnight of the day (Beijing time)
 * @param concentrations  the reported concentration of each item that had enough data
 * @param extra           further reported values that do not enter the AQI (the plain hourly PM means)
 * @param result          the AQI, or null when no item had enough data
 * @param completeness    the data behind every item, reported or not
 * @param demo            whether demonstration data contributed
 */
public record CityAqiReport(LocalDateTime start, Map<AqiItem, BigDecimal> concentrations,
                            Map<String, BigDecimal> extra, AqiResult result,
                            Map<AqiItem, Completeness> completeness, boolean demo) {
}
