package io.airwarn.observation;

import java.util.List;

/**
 * The hourly CSV layouts of the UCI PRSA data sets, recognised by their header.
 * Multi-site CO is in μg/m³ and is converted to mg/m³, the unit of HJ 633.
 */
public enum PrsaFormat {
    /** UCI "Beijing Multi-Site Air-Quality Data": one file per station, six pollutants and meteorology. */
    PRSA_MULTISITE(List.of("No", "year", "month", "day", "hour", "PM2.5", "PM10", "SO2", "NO2", "CO", "O3", "TEMP",
            "PRES", "DEWP", "RAIN", "wd", "WSPM", "station")),
    /**
     * UCI "Beijing PM2.5 Data" (US Embassy): PM2.5 with airport meteorology. Its cumulated wind speed (Iws) and
     * cumulated hours of snow and rain (Is, Ir) are counters, not rates, and are not stored.
     */
    PRSA_SINGLE_STATION(List.of("No", "year", "month", "day", "hour", "pm2.5", "DEWP", "TEMP", "PRES", "cbwd", "Iws",
            "Is", "Ir"));

    private final List<String> header;

    PrsaFormat(List<String> header) {
        this.header = header;
    }

    public List<String> header() {
        return header;
    }

    public int columnCount() {
        return header.size();
    }

    public int column(String name) {
        return header.indexOf(name);
    }

    public static PrsaFormat recognise(List<String> header) {
        for (PrsaFormat format : values()) {
            if (format.header.size() == header.size()) {
                boolean same = true;
                for (int i = 0; i < header.size() && same; i++) {
                    same = format.header.get(i).equalsIgnoreCase(header.get(i).trim());
                }
                if (same) {
                    return format;
                }
            }
        }
        return null;
    }
}
