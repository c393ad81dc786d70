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

    public static BigDecimal round(Pollutant pollutant, double mean) {
        int scale = pollutant == Pollutant.CO ? 1 : 0;
        return BigDecimal.valueOf(mean).setScale(scale, RoundingMode.HALF_EVEN);
    }
}
