package io.airwarn.situation;

import io.airwarn.forecast.IssuedForecasts;
import io.airwarn.aqi.CategoryView;
import io.airwarn.core.WarningLevel;

/**
 * One unit at a glance: its latest hourly and daily AQI, the latest forecast for the next day, and the warning in
 * force. {@code x} and {@code y} place its seat of government on the province map (map units, 100 wide); {@code map}
 * is what the map draws for it. Missing parts are null.
 */
public record CitySituation(String code, String nameZh, String nameEn, double x, double y, MapShape map,
                            Observed latestHour, Observed latestDay, Forecast tomorrow, WarningInForce warning) {

    /**
     * The unit on the province map: its short name and where that stands, and its outline as SVG path data (null for
     * a county-level unit, which the map marks at its seat).
     */
    public record MapShape(String label, double labelX, double labelY, String outline) {
    }

    /** An observed AQI at a time (an hour or a day, Beijing time); {@code demo} marks replayed demo data. */
    public record Observed(String at, int aqi, CategoryView category, boolean demo) {
    }

    /** The latest forecast's first lead day. */
    /** The next-day forecast; {@code stale} when its run is too old to go by ({@link IssuedForecasts.NextDay#stale}). */
    public record Forecast(String day, int expectedAqi, int low, int high, double pAbove200, CategoryView category,
                           boolean stale) {
    }

    public record WarningInForce(long id, WarningLevel level, boolean exercise, String onset, String expectedEnd) {
    }
}
