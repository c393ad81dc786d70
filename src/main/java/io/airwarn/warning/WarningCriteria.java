package io.airwarn.warning;

import io.airwarn.core.WarningLevel;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates a forecast series against a criteria set. Pure. Probabilistic mode counts a day when its exceedance
 * probability reaches the city's chosen probability. Otherwise a day counts when the forecast model calls it above
 * the threshold (a pollutant's probability reaching the decision probability its fit chose on its training days)
 * where the thresholds are the model's 200 and 300, and when its AQI is above the threshold where they are not or
 * the day has no yes/no of the model.
 */
public final class WarningCriteria {

    private WarningCriteria() {
    }

    /**
     * @param days         consecutive forecast days, the first being the day after issue
     * @param probability  null for the point forecast; otherwise the probability at which a day counts
     */
    public static CriteriaResult evaluate(CriteriaSet set, List<DayForecast> days, Double probability) {
        CriteriaResult best = new CriteriaResult(WarningLevel.NONE, null, 0,
                "no run of days with AQI above " + set.threshold() + " meets " + set.id());
        for (List<DayForecast> run : runs(set, days, probability)) {
            CriteriaResult result = levelOf(set, run, probability);
            if (result.level().compareTo(best.level()) > 0) {
                best = result;
            }
        }
        return best;
    }

    private static List<List<DayForecast>> runs(CriteriaSet set, List<DayForecast> days, Double probability) {
        List<List<DayForecast>> runs = new ArrayList<>();
        List<DayForecast> current = new ArrayList<>();
        for (DayForecast day : days) {
            if (counts(set, day, probability)) {
                current.add(day);
            } else if (!current.isEmpty()) {
                runs.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            runs.add(current);
        }
        return runs;
    }

    private static boolean counts(CriteriaSet set, DayForecast day, Double probability) {
        return above(day, set.threshold(), 200, day.pAbove200(), day.says200(), probability);
    }

    private static boolean severe(CriteriaSet set, DayForecast day, Double probability) {
        return above(day, set.severeThreshold(), 300, day.pAbove300(), day.says300(), probability);
    }

    private static boolean above(DayForecast day, int threshold, int modelThreshold, Double p, Boolean says,
                                 Double probability) {
        if (p != null && probability != null) {
            return p >= probability;
        }
        if (says != null && threshold == modelThreshold) {
            return says;
        }
        return day.aqi() > threshold;
    }

    private static boolean extreme(CriteriaSet set, DayForecast day, Double probability) {
        return probability == null || day.pAtLeast500() == null ? day.aqi() >= set.extremeAqi()
                : day.pAtLeast500() >= probability;
    }

    private static CriteriaResult levelOf(CriteriaSet set, List<DayForecast> run, Double probability) {
        int severeDays = (int) run.stream().filter(d -> severe(set, d, probability)).count();
        String mode = probability != null ? "P(AQI > " + set.threshold() + ") >= " + probability
                : run.get(0).says200() != null && set.threshold() == 200
                ? "the forecast model calling AQI > 200" : "AQI > " + set.threshold();
        String describe = run.size() + " consecutive day(s) with " + mode + " from " + run.get(0).date() + ", "
                + severeDays + " above " + set.severeThreshold();
        if (run.stream().anyMatch(d -> extreme(set, d, probability))) {
            return new CriteriaResult(WarningLevel.RED, run.get(0).date(), run.size(), set.id() + " RED: a day reaches "
                    + set.extremeAqi() + " (" + describe + ")");
        }
        for (int i = set.levels().size() - 1; i >= 0; i--) {
            CriteriaSet.LevelRule rule = set.levels().get(i);
            int needSevere = set.severeDaysFor(rule);
            if (run.size() >= rule.minDays() && severeDays >= needSevere) {
                return new CriteriaResult(rule.level(), run.get(0).date(), run.size(), set.id() + " " + rule.level()
                        + ": at least " + rule.minDays() + " day(s)" + (needSevere > 0 ? ", " + needSevere
                        + " above " + set.severeThreshold() : "") + " (" + describe + ")");
            }
        }
        return new CriteriaResult(WarningLevel.NONE, null, 0, set.id() + ": " + describe
                + " is too short for any level");
    }
}
