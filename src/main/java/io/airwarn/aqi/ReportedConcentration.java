package io.airwarn.aqi;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rounds a computed mean the way reported concentrations are rounded (HJ 663 by GB/T 8170, round half to even):
 * μg/m³ pollutants to whole numbers, CO (mg/m³) to one decimal place. AQI is computed from the reported value.
 */
public final class ReportedConcentration {

    private ReportedConcentration() {
    }

    /** Far below any instrument's resolution, far above a double's noise. */
    private static final int NOISE_SCALE = 9;

    public static BigDecimal round(Pollutant pollutant, double mean) {
        int scale = pollutant == Pollutant.CO ? 1 : 0;
        // A mean summed in floating point can land just beside a tie (1.2500000000000002 for 1.25); the values
        // are first cleaned of that noise so the tie is rounded to even as the rule says.
        return BigDecimal.valueOf(mean).setScale(NOISE_SCALE, RoundingMode.HALF_EVEN)
                .setScale(scale, RoundingMode.HALF_EVEN);
    }
}
