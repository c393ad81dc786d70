package io.airwarn.accountability;

/**
 * A provincial air-quality target for a unit ("province" for the province as a whole): a cut against a baseline
 * year by a target year, a year-on-year decline, or meeting the Grade II standard. {@code baselineValue} is null
 * until an official enters it.
 */
public record Target(String unit, Statistic pollutant, Kind kind, Integer baselineYear, Double baselineValue,
                     Integer targetYear, Double reductionPercent) {

    public enum Kind {
        REDUCTION("比基准年下降", "reduction"), YEAR_ON_YEAR_DECLINE("同比下降", "year-on-year decline"),
        GRADE_II("达到二级标准", "Grade II");

        private final String zh;
        private final String en;

        Kind(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }

        public String zh() {
            return zh;
        }

        public String en() {
            return en;
        }
    }

    public static final String PROVINCE = "province";

    public Target withBaseline(Double value) {
        return new Target(unit, pollutant, kind, baselineYear, value, targetYear, reductionPercent);
    }
}
