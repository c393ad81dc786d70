package io.airwarn.observation;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How much data stands behind one reported value: {@code valid} of {@code unit} (stations, hours or 8-hour
 * windows) against the {@code required} number; a value is reported only when {@code met}.
 */
public record Completeness(int valid, int required, String unit) {

    public static final String STATIONS = "stations";
    public static final String HOURS = "hours";
    public static final String WINDOWS = "8h-windows";

    @JsonProperty("met")
    public boolean met() {
        return valid >= required;
    }
}
