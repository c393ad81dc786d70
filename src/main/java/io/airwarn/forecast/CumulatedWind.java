package io.airwarn.forecast;

import java.time.LocalDateTime;

/**
 * Hourly wind speeds from the cumulated wind speed of the UCI single-station and five-cities files (Iws): the counter
 * adds each hour's speed while the direction stays the same and starts again from that hour's speed when it
 * changes. Averaging the counter itself, as AirWarn once did, made a long spell of steady wind look like a gale.
 * Fed one station's hours in order. Pure.
 */
final class CumulatedWind {

    private LocalDateTime lastHour;
    private String lastDirection;
    private Double lastCumulated;

    /** The hour's own speed, or null when it cannot be told (no value, or the hour before is missing). */
    Double hourly(LocalDateTime hour, Double cumulated, String direction) {
        boolean follows = lastHour != null && lastHour.plusHours(1).equals(hour) && lastCumulated != null;
        Double speed;
        if (cumulated == null) {
            speed = null;
        } else if (follows && direction.equals(lastDirection) && cumulated >= lastCumulated) {
            speed = cumulated - lastCumulated;
        } else if (follows) {
            speed = cumulated; // the direction changed: the counter restarted at this hour
        } else {
            speed = null;
        }
        lastHour = hour;
        lastDirection = direction;
        lastCumulated = cumulated;
        return speed;
    }
}
