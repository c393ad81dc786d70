package io.airwarn.situation;

import io.airwarn.aqi.CategoryView;
import io.airwarn.core.WarningLevel;

/**
 * One unit at a glance: its latest hourly and daily AQI, the latest forecast for the next day, and the warning in
 * force. {@code x} and {@code y} place it on the province map (0-100). Missing parts are null.
 */
public record CitySituation(String code, String nameZh, String nameEn, double x, double y, Observed latestHour,
                            Observed latestDay, Forecast tomorrow, WarningInForce warning) {

    /** An observed AQI at a time (an hour or a day, Beijing time); {@code demo} marks replayed demo data. */
    public record Observed(String at, int aqi, CategoryView category, boolean demo) {
    }

    /** The latest forecast's first lead day. */
    public record Forecast(String day, int expectedAqi, int low, int high, double pAbove200, CategoryView category) {
    }

    public record WarningInForce(long id, WarningLevel level, boolean exercise, String onset, String expectedEnd) {
    }
}
