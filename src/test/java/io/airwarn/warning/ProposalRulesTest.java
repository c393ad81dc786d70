package io.airwarn.warning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.airwarn.core.WarningLevel;
import org.junit.jupiter.api.Test;

class ProposalRulesTest {

    private static final CriteriaConfig.ForCity POINT = new CriteriaConfig.ForCity(WarningCriteriaTest.MEE_2019, null);

    @Test
    void aHigherLevelThanTheCurrentOneIsProposed() {
        var p = ProposalRules.proposal(POINT, WarningCriteriaTest.series("150 250 260 150 100 100 100"),
                WarningLevel.NONE, 2);
        assertEquals(WarningLevel.YELLOW, p.orElseThrow().level());
        assertTrue(ProposalRules.proposal(POINT, WarningCriteriaTest.series("150 250 260 150 100 100 100"),
                WarningLevel.YELLOW, 2).isEmpty(), "the current level still holds: nothing to decide");
    }

    @Test
    void liftingIsProposedOnlyWhenTheFirstDaysAreCalm() {
        var lift = ProposalRules.proposal(POINT, WarningCriteriaTest.series("150 120 100 100 100 100 100"),
                WarningLevel.ORANGE, 2);
        assertEquals(WarningLevel.NONE, lift.orElseThrow().level());
        assertTrue(ProposalRules.proposal(POINT, WarningCriteriaTest.series("210 120 100 100 100 100 100"),
                WarningLevel.ORANGE, 2).isEmpty(), "a day above 200 within the first 36 h: not yet");
    }

    @Test
    void aDowngradeIsProposedWhenTheForecastSupportsOnlyALowerLevel() {
        var down = ProposalRules.proposal(POINT, WarningCriteriaTest.series("150 150 250 250 100 100 100"),
                WarningLevel.RED, 2);
        assertEquals(WarningLevel.YELLOW, down.orElseThrow().level());
    }
}
