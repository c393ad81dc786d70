package io.airwarn.aqi;

/**
 * The columns of the HJ 633 IAQI table: a pollutant with its averaging period. The enum names are the keys of the
 * public API (for example {@code PM2_5_24H}).
 */
public enum AqiItem {
    SO2_24H(Pollutant.SO2),
    SO2_1H(Pollutant.SO2),
    NO2_24H(Pollutant.NO2),
    NO2_1H(Pollutant.NO2),
    PM10_24H(Pollutant.PM10),
    CO_24H(Pollutant.CO),
    CO_1H(Pollutant.CO),
    O3_1H(Pollutant.O3),
    O3_8H(Pollutant.O3),
    PM2_5_24H(Pollutant.PM2_5);

    private final Pollutant pollutant;

    AqiItem(Pollutant pollutant) {
        this.pollutant = pollutant;
    }

    public Pollutant pollutant() {
        return pollutant;
    }

    /** Parses an API key; returns null for an unknown key so callers can name it in their own error. */
    public static AqiItem fromKey(String key) {
        for (AqiItem item : values()) {
            if (item.name().equals(key)) {
                return item;
            }
        }
        return null;
    }
}
