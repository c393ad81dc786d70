package io.airwarn.plan;

import io.airwarn.core.WarningLevel;

/**
 * Whether the mandatory cuts of a level reach the national minimum share of the city's emissions of one pollutant.
 * Cuts and totals in t/day; shares as fractions.
 */
public record ReductionCheck(WarningLevel level, Emissions.Pollutant pollutant, double cityTotal, double reduction,
                             double achievedShare, double requiredShare, double shortfall, boolean met) {
}
