package io.airwarn.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Persistence on a short real series, scored by hand. */
class PersistenceTest {

    @Test
    void persistenceScoresAsComputedByHand() {
        DailySeries s = ForecastFixtures.embassySeries();
        // Daily means of the US Embassy PM2.5, 2013-01-10..13 (each day has 24 valid hours):
        //   01-10: 176.58 -> 177 -> AQI 200 + 100/100 x 27 = 227
        //   01-11: 250.04 -> 250 -> 300
        //   01-12: 552.46 -> 552 -> 500 (above the table)
        //   01-13: 444.50 -> 444 (half to even: 444.5 -> 444) -> 400 + 100/150 x 94 = 462.67 -> 463
        LocalDate d = LocalDate.of(2013, 1, 10);
        assertEquals(List.of(227, 300, 500, 463),
                List.of(s.aqi(d), s.aqi(d.plusDays(1)), s.aqi(d.plusDays(2)), s.aqi(d.plusDays(3))));
        // Lead 1 persistence for 01-11, 01-12, 01-13: forecasts 227, 300, 500 against 300, 500, 463.
        List<Prediction> p = List.of(Persistence.forecast(227, 300), Persistence.forecast(300, 500),
                Persistence.forecast(500, 463));
        Score score = Score.of(p, p);
        // errors -73, -200, +37: RMSE = sqrt((5329 + 40000 + 1369)/3) = sqrt(15566) = 124.76
        assertEquals(Math.sqrt((5329 + 40000 + 1369) / 3.0), score.rmse(), 1e-9);
        assertEquals((73 + 200 + 37) / 3.0, score.mae(), 1e-9);
        // > 200: every day on both sides -> 3 hits; > 300: 227 and 300 say no, 500 says yes; observed 500, 463 yes
        assertEquals(3, score.above200().hits());
        assertEquals(1, score.above300().hits());
        assertEquals(1, score.above300().misses());
        assertEquals(0, score.above300().falseAlarms());
        // probabilities are 0 or 1: Brier > 300 = (0-0)^2 + (0-1)^2 + (1-1)^2 over 3 = 1/3
        assertEquals(1.0 / 3, score.above300().brier(), 1e-12);
    }
}
