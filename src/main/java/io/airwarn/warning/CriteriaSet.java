package io.airwarn.warning;

import io.airwarn.core.WarningLevel;
import java.util.List;

/**
 * One versioned set of warning criteria.
 *
 * @param levels  the levels in ascending order, each with the run it needs
 */
public record CriteriaSet(String id, String source, int threshold, int severeThreshold, int extremeAqi,
                          boolean orangeRequiresSevereDay, List<LevelRule> levels) {

    /** A level needs a run of at least {@code minDays} counting days, {@code minSevereDays} of them severe. */
    public record LevelRule(WarningLevel level, int minDays, int minSevereDays) {
    }

    public CriteriaSet {
        levels = List.copyOf(levels);
    }

    /** The severe days a level's run needs, with the orange switch applied. */
    int severeDaysFor(LevelRule rule) {
        return rule.level() == WarningLevel.ORANGE && orangeRequiresSevereDay ? Math.max(1, rule.minSevereDays())
                : rule.minSevereDays();
    }

    /** The same set with a city's overrides. */
    CriteriaSet with(Integer threshold, Integer severeThreshold, Boolean orangeRequiresSevereDay) {
        return new CriteriaSet(id, source, threshold == null ? this.threshold : threshold,
                severeThreshold == null ? this.severeThreshold : severeThreshold, extremeAqi,
                orangeRequiresSevereDay == null ? this.orangeRequiresSevereDay : orangeRequiresSevereDay, levels);
    }
}
