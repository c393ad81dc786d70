package io.airwarn.observation;

import io.airwarn.aqi.Pollutant;
import java.time.LocalDateTime;

/** A station hour's value of one pollutant that looks broken, with the rule and the numbers behind it. */
public record QualityFlag(String station, LocalDateTime hour, Pollutant pollutant, Reason reason, String detail) {

    public enum Reason {
        /** Negative, or beyond what any analyser reports. */
        IMPOSSIBLE,
        /** PM2.5 above PM10 at the same station and hour by a clear margin (PM2.5 is part of PM10). */
        PM25_ABOVE_PM10,
        /** The same value hour after hour: a stuck analyser or a copied value. */
        STUCK,
        /** Far above the hours around it and the other stations of the unit in the same hour. */
        SPIKE
    }
}
