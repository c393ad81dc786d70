package io.airwarn.observation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.airwarn.aqi.CategoryView;
import java.util.List;
import java.util.Map;

/**
 * One city AQI value as the API returns it. {@code date} is set for daily values, {@code time} (ISO-8601 with the
 * +08:00 offset) for hourly ones. {@code aqi} and {@code category} are null when no item had enough data;
 * {@code completeness} tells, per item, how many stations, hours or 8-hour windows stood behind it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CityAqiView(String city, String date, String time, Integer aqi, CategoryView category,
                          List<String> primaryPollutants, List<String> exceedingPollutants, JsonNode iaqi,
                          Map<String, Double> concentrations, Map<String, Completeness> completeness,
                          Map<String, Long> flagged, String standard, boolean demo) {
}
