package io.airwarn.core;

import java.util.regex.Pattern;

/** How AirWarn reads a number from a CSV cell: empty and "NA" are missing, only plain decimals are numbers. */
public final class CellValues {

    /** Plain decimal numbers only: Java would also take "NaN", "Infinity", "0x1p3" or "12d". */
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private CellValues() {
    }

    /**
     * @param what names the cell in the error, e.g. "column PM2.5"
     * @return null for a missing value
     * @throws IllegalArgumentException when the cell is neither missing nor a number
     */
    public static Double number(String cell, String what) {
        String value = cell == null ? "" : cell.trim();
        if (value.isEmpty() || value.equals("NA")) {
            return null;
        }
        if (!DECIMAL.matcher(value).matches()) {
            throw new IllegalArgumentException(what + ": '" + value + "' is not a number");
        }
        return Double.parseDouble(value);
    }
}
