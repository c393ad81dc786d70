package io.airwarn.observation;

/** A station is named within its city. */
public record StationKey(String cityCode, String name) {
}
