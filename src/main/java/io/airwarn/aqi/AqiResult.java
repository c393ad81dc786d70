package io.airwarn.aqi;

import java.util.List;
import java.util.Map;

/**
 * The outcome of an AQI calculation.
 *
 * @param aqi                  the maximum sub-index
 * @param category             the category of {@code aqi}
 * @param iaqi                 the sub-index of every item that was used
 * @param primaryPollutants    items tied at the maximum, named only when AQI &gt; 50
 * @param exceedingPollutants  items whose sub-index is above 100
 * @param unused               items given but not used (SO2 1 h or O3 8 h above 800)
 */
public record AqiResult(int aqi, AqiCategory category, Map<AqiItem, Integer> iaqi, List<AqiItem> primaryPollutants,
                        List<AqiItem> exceedingPollutants, List<AqiItem> unused) {
}
