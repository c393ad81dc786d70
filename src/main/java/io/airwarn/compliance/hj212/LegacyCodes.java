package io.airwarn.compliance.hj212;

import java.util.Map;

/**
 * HJ/T 212-2005's waste-gas codes and their 2017 successors (table B.2, hj212.md §3). Old devices still send them,
 * sometimes mixed with 2017 codes in one frame; 2005 gas codes have 2 characters and parameters 3, 2017 codes 6, so
 * mapping them whatever the frame's version cannot mistake one for another. 2005 water codes (011 COD, B01 flow)
 * have no entry here and stay as sent.
 */
public final class LegacyCodes {

    private static final Map<String, String> TO_2017 = Map.ofEntries(
            Map.entry("01", "a34013"), // smoke/dust [烟尘]
            Map.entry("02", "a21026"), // SO2
            Map.entry("03", "a21002"), // NOx
            Map.entry("04", "a21005"), // CO
            Map.entry("S01", "a19001"), // O2
            Map.entry("S02", "a01011"), // flue-gas velocity
            Map.entry("S03", "a01012"), // flue-gas temperature
            Map.entry("S04", "a01017"), // dynamic pressure
            Map.entry("S05", "a01014"), // humidity
            Map.entry("S08", "a01013"), // pressure
            Map.entry("B02", "a00000")); // waste-gas flow

    private LegacyCodes() {
    }

    /** The 2017 code for a 2005 waste-gas code; any other code as it is. */
    public static String to2017(String code) {
        return code.length() <= 3 ? TO_2017.getOrDefault(code, code) : code;
    }
}
