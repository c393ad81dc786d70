package io.airwarn.accountability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Period statistics, percentiles and validity worked out by hand. */
class StatisticsTest {

    private static DailyValues day(LocalDate d, double so2, double no2, double pm10, double pm25, double co,
                                   double o3, int aqi) {
        return new DailyValues(d, so2, no2, pm10, pm25, co, o3, aqi);
    }

    /** {@code n} consecutive days from {@code first}, all with the same values. */
    private static List<DailyValues> days(LocalDate first, int n, double so2, double no2, double pm10, double pm25,
                                          double co, double o3, int aqi) {
        List<DailyValues> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(day(first.plusDays(i), so2, no2, pm10, pm25, co, o3, aqi));
        }
        return list;
    }

    @Test
    void percentilesFollowHj663() {
        double[] oneToTen = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
        assertEquals(9.55, Percentiles.of(oneToTen, 95), 1e-9, "k = 1 + 9 x 0.95 = 9.55: 9 + 0.55 x (10 - 9)");
        assertEquals(9.1, Percentiles.of(oneToTen, 90), 1e-9);
        assertEquals(5.5, Percentiles.of(oneToTen, 50), 1e-9);
        assertEquals(7.0, Percentiles.of(new double[] {7}, 95), 1e-9);
        assertEquals(1.0, Percentiles.of(oneToTen, 0), 1e-9);
        assertEquals(10.0, Percentiles.of(oneToTen, 100), 1e-9);
    }

    @Test
    void theCompositeIndexSumsEachStatisticOverItsGradeTwoLimit() {
        Period november = Period.parse("2015-11");
        PeriodStatistics s = PeriodStatistics.of("U", november, days(november.from(), 30, 30, 20, 70, 35, 2, 80, 90));
        // SO2 30/60 + NO2 20/40 + PM10 70/70 + PM2.5 35/35 + CO 2/4 + O3 80/160 = 0.5 + 0.5 + 1 + 1 + 0.5 + 0.5
        assertEquals(4.0, s.compositeIndex(), 1e-9);
        assertEquals(1.0, s.goodShare(), 1e-9);
        assertEquals(0.0, s.heavyShare(), 1e-9);
        assertEquals(30, s.pollutants().get(Statistic.PM10).validDays());
    }

    @Test
    void coAndO3UsePercentilesTheOthersMeans() {
        Period p = Period.parse("2015-11");
        List<DailyValues> list = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            list.add(day(p.from().plusDays(i), i + 1, 10, 10, 10, i + 1, i + 1, i < 3 ? 250 : 120));
        }
        PeriodStatistics s = PeriodStatistics.of("U", p, list);
        assertEquals(15.5, s.pollutants().get(Statistic.SO2).value(), 1e-9, "mean of 1..30");
        assertEquals(28.55, s.pollutants().get(Statistic.CO).value(), 1e-9, "k = 1 + 29 x 0.95 = 28.55");
        assertEquals(27.1, s.pollutants().get(Statistic.O3).value(), 1e-9, "k = 1 + 29 x 0.9 = 27.1");
        assertEquals(0.1, s.heavyShare(), 1e-9);
        assertEquals(0.0, s.goodShare(), 1e-9);
    }

    @Test
    void validDaysAtTheBoundariesOfTheRules() {
        Period year = Period.parse("2015");
        assertTrue(PeriodStatistics.of("U", year, days(year.from(), 324, 10, 10, 10, 10, 1, 10, 50))
                .pollutants().get(Statistic.PM10).valid());
        PeriodStatistics short323 = PeriodStatistics.of("U", year, days(year.from(), 323, 10, 10, 10, 10, 1, 10, 50));
        assertFalse(short323.pollutants().get(Statistic.PM10).valid());
        assertNull(short323.compositeIndex(), "no composite without every statistic valid");
        assertEquals(10.0, short323.pollutants().get(Statistic.PM10).value(), 1e-9, "the value is still stated");

        Period february = Period.parse("2016-02");
        assertEquals(25, february.requiredDays());
        assertTrue(PeriodStatistics.of("U", february, days(february.from(), 25, 1, 1, 1, 1, 1, 1, 1))
                .pollutants().get(Statistic.SO2).valid());
        assertFalse(PeriodStatistics.of("U", february, days(february.from(), 24, 1, 1, 1, 1, 1, 1, 1))
                .pollutants().get(Statistic.SO2).valid());
        Period april = Period.parse("2016-04");
        assertTrue(PeriodStatistics.of("U", april, days(april.from(), 27, 1, 1, 1, 1, 1, 1, 1))
                .pollutants().get(Statistic.SO2).valid());
        assertFalse(PeriodStatistics.of("U", april, days(april.from(), 26, 1, 1, 1, 1, 1, 1, 1))
                .pollutants().get(Statistic.SO2).valid());
        List<DailyValues> outside = days(april.from().minusDays(5), 5, 1, 1, 1, 1, 1, 1, 1);
        assertEquals(0, PeriodStatistics.of("U", april, outside).pollutants().get(Statistic.SO2).validDays(),
                "days outside the period do not count");
    }

    @Test
    void periodsParseOrSayWhy() {
        assertEquals(LocalDate.of(2015, 11, 30), Period.parse("2015-11").to());
        assertEquals("2014-11", Period.parse("2015-11").yearEarlier().label());
        assertEquals("2014", Period.parse("2015").yearEarlier().label());
        assertThrows(IllegalArgumentException.class, () -> Period.parse("2015-13"));
        assertThrows(IllegalArgumentException.class, () -> Period.parse("last year"));
        assertThrows(IllegalArgumentException.class, () -> Period.parse(null));
    }
}
