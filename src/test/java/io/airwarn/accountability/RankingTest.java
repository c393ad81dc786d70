package io.airwarn.accountability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A ranking on a small hand-made month. */
class RankingTest {

    private static List<DailyValues> month(Period p, int days, double pm25, int aqiBelow100Days) {
        List<DailyValues> list = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            list.add(new DailyValues(p.from().plusDays(i), 30.0, 20.0, 70.0, pm25, 2.0, 80.0,
                    i < aqiBelow100Days ? 80 : 150));
        }
        return list;
    }

    @Test
    void ranksByCompositeAndGoodDaysWithTiesAndChanges() {
        Period nov = Period.parse("2015-11");
        Period before = nov.yearEarlier();
        List<Ranking.Unit> units = List.of(new Ranking.Unit("A", "甲", "A"), new Ranking.Unit("B", "乙", "B"),
                new Ranking.Unit("C", "丙", "C"), new Ranking.Unit("D", "丁", "D"));
        Map<String, PeriodStatistics> now = Map.of(
                "A", PeriodStatistics.of("A", nov, month(nov, 30, 70, 10)),   // 3.0 + 2 = 5.0
                "B", PeriodStatistics.of("B", nov, month(nov, 30, 35, 20)),   // 4.0
                "C", PeriodStatistics.of("C", nov, month(nov, 30, 35, 10)),   // 4.0, tie with B
                "D", PeriodStatistics.of("D", nov, month(nov, 20, 10, 20)));  // 20 valid days: not ranked
        Map<String, PeriodStatistics> earlier = Map.of(
                "A", PeriodStatistics.of("A", before, month(before, 30, 35, 15)));
        Ranking r = Ranking.of(nov, units, now, earlier);

        assertEquals(List.of("B", "C", "A", "D"), r.rows().stream().map(Ranking.Row::unit).toList());
        Ranking.Row b = r.rows().get(0);
        Ranking.Row c = r.rows().get(1);
        Ranking.Row a = r.rows().get(2);
        Ranking.Row d = r.rows().get(3);
        assertEquals(1, b.compositeRank());
        assertEquals(1, c.compositeRank(), "equal indices share the rank");
        assertEquals(3, a.compositeRank());
        assertNull(d.compositeRank(), "20 of 27 valid days");
        assertEquals(4.0, b.compositeIndex(), 1e-9);
        assertEquals(5.0, a.compositeIndex(), 1e-9);
        assertEquals(1.0, a.compositeChange(), 1e-9, "5.0 now against 4.0 a year earlier");
        assertEquals(-0.167, a.goodShareChange(), 1e-9, "10/30 against 15/30");
        assertNull(b.compositeChange(), "no data a year earlier");
        assertEquals(1, d.goodDaysRank(), "20 of 20 days good");
        assertEquals(2, b.goodDaysRank());
        assertEquals(3, a.goodDaysRank());
        assertEquals(3, c.goodDaysRank(), "a tie with A");
        assertEquals("2014-11", r.previousPeriod());
        assertEquals(LocalDate.of(2015, 11, 1), nov.from());
    }
}
