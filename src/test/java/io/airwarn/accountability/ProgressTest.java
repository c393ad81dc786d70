package io.airwarn.accountability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Progress against each kind of target, with its arithmetic. */
class ProgressTest {

    private static final Target PM10_15 = new Target("220100", Statistic.PM10, Target.Kind.REDUCTION, 2012, 100.0,
            2017, 15.0);

    private static PeriodStatistics.Value valid(double v) {
        return new PeriodStatistics.Value(v, 340, 324, true, "annual mean", 0);
    }

    @Test
    void aReductionIsJudgedAgainstAStraightLineToTheTarget() {
        // 2015 is 3 of 5 years: the line asks -9 % by then.
        Progress onTrack = Progress.of(PM10_15, 2015, valid(90), null);
        assertEquals(Progress.Status.ON_TRACK, onTrack.status());
        assertEquals("(90.0 - 100.0) / 100.0 = -10.0 % against 2012; a straight line to -15 % in 2017 asks -9.0 % "
                + "by 2015: on track", onTrack.arithmetic());
        assertEquals(Progress.Status.BEHIND, Progress.of(PM10_15, 2015, valid(92), null).status());
        assertEquals(Progress.Status.BEHIND, Progress.of(PM10_15, 2019, valid(86), null).status(),
                "after the target year the full cut is due");
        assertEquals(Progress.Status.ON_TRACK, Progress.of(PM10_15, 2019, valid(85), null).status());
    }

    @Test
    void aMissingBaselineOrTooFewDaysIsSaidNotGuessed() {
        Target noBaseline = PM10_15.withBaseline(null);
        Progress p = Progress.of(noBaseline, 2015, valid(90), null);
        assertEquals(Progress.Status.BASELINE_MISSING, p.status());
        assertTrue(p.arithmetic().contains("the 2012 baseline has not been entered"), p.arithmetic());
        Progress few = Progress.of(PM10_15, 2015, new PeriodStatistics.Value(90.0, 300, 324, false, "annual mean", 0),
                null);
        assertEquals(Progress.Status.INSUFFICIENT_DATA, few.status());
        assertEquals("2015: 300 of the 324 valid days needed", few.arithmetic());
        assertEquals(90.0, few.statistic().value(), "the value so far is still shown");
    }

    @Test
    void yearOnYearAndGradeTwo() {
        Target pm25 = new Target("220100", Statistic.PM2_5, Target.Kind.YEAR_ON_YEAR_DECLINE, null, null, null, null);
        assertEquals(Progress.Status.DECLINING, Progress.of(pm25, 2015, valid(60), valid(66)).status());
        assertEquals(Progress.Status.NOT_DECLINING, Progress.of(pm25, 2015, valid(66), valid(66)).status());
        assertEquals(Progress.Status.INSUFFICIENT_DATA, Progress.of(pm25, 2015, valid(60), null).status());
        Target so2 = new Target("220100", Statistic.SO2, Target.Kind.GRADE_II, null, null, null, null);
        assertEquals(Progress.Status.MET, Progress.of(so2, 2015, valid(60), null).status());
        assertEquals(Progress.Status.NOT_MET, Progress.of(so2, 2015, valid(60.1), null).status());
    }
}
