package io.airwarn.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every score on small hand-made tables. */
class ScoreTest {

    private static final double EPS = 1e-12;

    @Test
    void confusionTableScores() {
        // forecast / observed: 250/260 hit, 210/150 false alarm, 150/230 miss, 180/190 and 100/90 correct negatives,
        // 320/310 hit (and a hit above 300).
        List<Prediction> p = List.of(
                new Prediction(250, 260, 0.8, 0.1),
                new Prediction(210, 150, 0.6, 0.0),
                new Prediction(150, 230, 0.3, 0.0),
                new Prediction(180, 190, 0.2, 0.0),
                new Prediction(100, 90, 0.0, 0.0),
                new Prediction(320, 310, 0.9, 0.6));
        Score.Exceedance e = Score.of(p, p).above200();
        assertEquals(2, e.hits());
        assertEquals(1, e.misses());
        assertEquals(1, e.falseAlarms());
        assertEquals(2.0 / 3, e.pod(), EPS);
        assertEquals(1.0 / 3, e.far(), EPS);
        assertEquals(2.0 / 4, e.csi(), EPS);
        // Brier: (0.8-1)^2 + (0.6-0)^2 + (0.3-1)^2 + (0.2-0)^2 + 0 + (0.9-1)^2 = 0.04+0.36+0.49+0.04+0+0.01 = 0.94
        assertEquals(0.94 / 6, e.brier(), EPS);
        assertEquals(0.0, e.brierSkill(), EPS, "against itself");

        Score.Exceedance severe = Score.of(p, p).above300();
        assertEquals(1, severe.hits());
        assertEquals(0, severe.misses());
        assertEquals(0, severe.falseAlarms());
        assertEquals(1.0, severe.csi(), EPS);
    }

    @Test
    void errorScores() {
        List<Prediction> p = List.of(new Prediction(110, 100, 0, 0), new Prediction(80, 100, 0, 0),
                new Prediction(220, 190, 0, 0));
        Score s = Score.of(p, p);
        assertEquals(3, s.n());
        // errors +10, -20, +30
        assertEquals(Math.sqrt((100 + 400 + 900) / 3.0), s.rmse(), EPS);
        assertEquals(60.0 / 3, s.mae(), EPS);
        assertEquals(20.0 / 3, s.bias(), EPS);
        // observed mean 130; SST = 900 + 900 + 3600 = 5400; SSE = 1400
        assertEquals(1 - 1400.0 / 5400, s.r2(), EPS);
        // categories: 110 vs 100 -> 3 vs 2; 80 vs 100 -> 2 vs 2; 220 vs 190 -> 5 vs 4
        assertEquals(1.0 / 3, s.levelAccuracy(), EPS);
    }

    @Test
    void brierSkillIsAgainstClimatology() {
        List<Prediction> model = List.of(new Prediction(250, 260, 0.9, 0), new Prediction(100, 120, 0.1, 0));
        List<Prediction> climate = List.of(new Prediction(150, 260, 0.5, 0), new Prediction(150, 120, 0.5, 0));
        // model Brier (0.01 + 0.01)/2 = 0.01; climatology (0.25 + 0.25)/2 = 0.25 -> skill 1 - 0.01/0.25 = 0.96
        assertEquals(0.96, Score.of(model, climate).above200().brierSkill(), EPS);
    }

    @Test
    void aForecastSaysYesAtTheModelsDecisionOrAtAGivenProbability() {
        // P(AQI > 200) 0.42 with the model deciding at 0.3; P(AQI > 300) 0.05 against its 0.25.
        ForecastDistribution d = new ForecastDistribution(180, 150, 260, 0.42, 0.05, 0.0,
                ForecastDistribution.says(180, 200, 0.42, 0.3), ForecastDistribution.says(180, 300, 0.05, 0.25),
                List.of());
        assertEquals(true, Prediction.of(d, 230, null).says200());
        assertEquals(false, Prediction.of(d, 230, null).says300());
        assertEquals(false, Prediction.of(d, 230, 0.5).says200(), "--decision-probability 0.5 overrides");
        assertEquals(150, Prediction.of(d, 230, null).lowAqi());
    }

    @Test
    void decisionAndPointForecastAreScoredSideBySideWithCoverageAndReliability() {
        // Expected AQI 180 (no at the point forecast) but the model says yes at its decision; observed 230.
        // Interval 150..260 covers it. The second day: 120 in 100..110, P 0.05, said no, observed 90: not covered.
        List<Prediction> p = List.of(new Prediction(180, 230, 0.42, 0.05, true, false, 150, 260),
                new Prediction(120, 90, 0.05, 0.0, false, false, 100, 110));
        Score s = Score.of(p, p);
        assertEquals(1, s.above200().hits());
        assertEquals(1, s.above200Point().misses());
        assertEquals(0.5, s.interval80Coverage(), EPS);
        // Reliability: bin 0.4-0.5 holds the 0.42 forecast (an event), bin 0.0-0.1 the 0.05 one (no event).
        assertEquals(10, s.reliabilityAbove200().size());
        assertEquals(1, s.reliabilityAbove200().get(4).n());
        assertEquals(0.42, s.reliabilityAbove200().get(4).meanProbability(), EPS);
        assertEquals(1.0, s.reliabilityAbove200().get(4).observedFrequency(), EPS);
        assertEquals(0.0, s.reliabilityAbove200().get(0).observedFrequency(), EPS);
        assertNull(s.reliabilityAbove200().get(9).meanProbability(), "an empty bin");
    }

    @Test
    void undefinedScoresAreNull() {
        List<Prediction> clean = List.of(new Prediction(50, 40, 0.01, 0), new Prediction(60, 70, 0.02, 0));
        Score.Exceedance e = Score.of(clean, clean).above200();
        assertNull(e.pod(), "no events");
        assertNull(e.far(), "no yes-forecasts");
        assertNull(e.csi());
        Score empty = Score.of(List.of(), List.of());
        assertEquals(0, empty.n());
        assertNull(empty.rmse());
    }
}
