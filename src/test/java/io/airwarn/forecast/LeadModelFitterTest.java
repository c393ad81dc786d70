package io.airwarn.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The out-of-sample parts of a fit: the logistic calibration and the decision probability. */
class LeadModelFitterTest {

    @Test
    void logisticRegressionRecoversKnownCoefficients() {
        // At each x, 1000 cases of which exactly round(1000 p(x)) are events, p(x) = 1 / (1 + exp(-(-10 + 2x))).
        List<Double> x = new ArrayList<>();
        List<Boolean> event = new ArrayList<>();
        for (double v = 2; v <= 8; v += 0.25) {
            long events = Math.round(1000 / (1 + Math.exp(-(-10 + 2 * v))));
            for (int i = 0; i < 1000; i++) {
                x.add(v);
                event.add(i < events);
            }
        }
        boolean[] e = new boolean[event.size()];
        for (int i = 0; i < e.length; i++) {
            e[i] = event.get(i);
        }
        double[] ab = Logistic.fit(x.stream().mapToDouble(Double::doubleValue).toArray(), e);
        assertEquals(-10, ab[0], 0.05);
        assertEquals(2, ab[1], 0.01);
    }

    @Test
    void theDecisionProbabilityIsTheOneWithTheBestCsi() {
        // Events at 0.9, 0.6, 0.35; non-events at 0.5, 0.3, 0.1. Deciding at 0.31..0.35: 3 hits, 1 false alarm
        // (CSI 0.75); at 0.51..0.6: 2 hits, 1 miss (0.67); at 0.11..0.3: 3 hits, 2 false alarms (0.6).
        double[] p = {0.9, 0.6, 0.35, 0.5, 0.3, 0.1};
        boolean[] e = {true, true, true, false, false, false};
        assertEquals(0.31, LeadModelFitter.bestDecision(p, e), 1e-12);
    }

    @Test
    void aDecisionMayNotSayYesOnMoreThanThreeTimesAsManyDaysAsHadTheEvent() {
        // One event at 0.2 below three non-events at 0.25: only deciding at 0.05..0.20 catches it (CSI 0.25), with
        // four yes-days for one event. That is over the limit; 0.21 is the first decision within it.
        double[] p = {0.2, 0.25, 0.25, 0.25, 0.01, 0.01};
        boolean[] e = {true, false, false, false, false, false};
        assertEquals(0.21, LeadModelFitter.bestDecision(p, e), 1e-12);
        assertEquals(0.05, LeadModelFitter.bestDecision(p, new boolean[] {true, true, false, false, false, false}),
                1e-12, "with two events four yes-days are within the limit");
    }

    @Test
    void withTooFewEventsTheResidualProbabilityStandsAndTheExpectedAqiDecides() {
        LeadModel.Calibration c = LeadModelFitter.calibrate(new double[] {5.0, 5.5, 4.0}, new int[] {250, 150, 90},
                200, false);
        assertNull(c.slope());
        assertEquals(0.42, c.probability(5.0, 0.42), 1e-12);
        assertNull(c.decision());
        assertTrue(ForecastDistribution.says(210, 200, 0.42, c.decision()), "expected AQI 210");
        assertFalse(ForecastDistribution.says(210, 300, 0.05, null));
    }

    @Test
    void probabilitiesWithoutSkillGetNoDecisionBeyondLeadThree() {
        // Forecasts that know nothing: the same ln value every day, events on a fifth of them. The calibrated
        // probability is the base rate, whose Brier skill against climatology is 0.
        double[] ln = new double[100];
        int[] aqi = new int[100];
        for (int i = 0; i < ln.length; i++) {
            ln[i] = 4.5;
            aqi[i] = i % 5 == 0 ? 250 : 120;
        }
        LeadModel.Calibration c = LeadModelFitter.calibrate(ln, aqi, 200, true);
        assertEquals(0.2, c.probability(4.5, 0), 1e-3);
        assertNull(c.decision());
        assertNotNull(LeadModelFitter.calibrate(ln, aqi, 200, false).decision(), "leads 1-3 always decide");
    }

    @Test
    void halfAYearIsEnoughForTheFitWithWeather() {
        // A city whose record starts in January and trains until mid-July: 25 predictors on about 190 days.
        DailySeries series = ForecastFixtures.embassySeries();
        LeadModel m = LeadModelFitter.fit(series, ForecastPollutant.PM2_5, LocalDate.of(2013, 7, 15), Predictors.WHOLE_DAY, 1,
                Predictors.MetMode.TARGET_DAY, new Predictors.HeatingSeason(java.time.MonthDay.of(11, 15),
                        java.time.MonthDay.of(3, 15)));
        assertTrue(m.trainingSamples() < 10 * (m.predictors().size() + 1), m.trainingSamples() + " days");
        assertEquals(25, m.predictors().size());
        IllegalArgumentException tooFew = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> LeadModelFitter.fit(series, ForecastPollutant.PM2_5, LocalDate.of(2013, 4, 1), Predictors.WHOLE_DAY, 1,
                        Predictors.MetMode.TARGET_DAY, Predictors.HeatingSeason.NONE));
        assertTrue(tooFew.getMessage().contains("at least 150 are needed"), tooFew.getMessage());
    }

    @Test
    void aFitCalibratesItsProbabilitiesOnDaysItDidNotSee() {
        DailySeries series = ForecastFixtures.embassySeries();
        LeadModel m = LeadModelFitter.fit(series, ForecastPollutant.PM2_5, LocalDate.of(2014, 9, 1), Predictors.WHOLE_DAY, 1,
                Predictors.MetMode.NONE, Predictors.HeatingSeason.NONE);
        assertTrue(m.above200().slope() > 0, "a higher forecast concentration is a likelier exceedance");
        assertTrue(m.above200().decision() >= 0.05 && m.above200().decision() <= 0.8);
        // Out-of-fold residuals are those of forecasts of unseen days: wider than the fit's own residuals, whose
        // spread the least-squares fit minimises.
        double spread = m.residualQuantiles()[89] - m.residualQuantiles()[9];
        assertTrue(spread > 0.5 && spread < 2.5, "80 % of ln errors within " + spread);
    }
}
