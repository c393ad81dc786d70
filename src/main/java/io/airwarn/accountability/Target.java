package io.airwarn.accountability;

/**
 * A provincial air-quality target for a unit ("province" for the province as a whole): a cut against a baseline
 * year by a target year, a year-on-year decline, or meeting the Grade II standard. {@code baselineValue} is null
 * until an official enters it.
 */
public record Target(String unit, Statistic pollutant, Kind kind, Integer baselineYear, Double baselineValue,
                     Integer targetYear, Double reductionPercent) {

    public enum Kind { REDUCTION, YEAR_ON_YEAR_DECLINE, GRADE_II }

    public static final String PROVINCE = "province";

    public Target withBaseline(Double value) {
        return new Target(unit, pollutant, kind, baselineYear, value, targetYear, reductionPercent);
    }
}
