package io.airwarn.warning;

import io.airwarn.core.WarningLevel;
import java.util.List;
import java.util.Optional;

/**
 * Whether a new forecast calls for a decision: a level above the city's current one, or (once the forecast no
 * longer supports the current level) a lower one, which for lifting needs the first days below the criteria. Pure.
 */
public final class ProposalRules {

    private ProposalRules() {
    }

    /**
     * @param calmDays how many first forecast days must not count before a lift or downgrade is proposed
     *                 (the lift rule's hours, rounded up to days)
     */
    public static Optional<CriteriaResult> proposal(CriteriaConfig.ForCity criteria, List<DayForecast> days,
                                                    WarningLevel current, int calmDays) {
        CriteriaResult result = WarningCriteria.evaluate(criteria.set(), days, criteria.probability());
        if (result.level().compareTo(current) > 0) {
            return Optional.of(result);
        }
        if (result.level().compareTo(current) < 0) {
            List<DayForecast> first = days.subList(0, Math.min(calmDays, days.size()));
            boolean calm = WarningCriteria.evaluate(criteria.set(), first, criteria.probability()).days() == 0
                    && first.stream().noneMatch(d -> d.aqi() > criteria.set().threshold());
            if (calm) {
                return Optional.of(result);
            }
        }
        return Optional.empty();
    }
}
