package io.airwarn.accountability;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The units ranked for a period, as the national city rankings do: by the composite index (lower is better; only
 * units with all six statistics valid are ranked) and by the share of good days (higher is better), each with its
 * change from the same period a year earlier.
 */
public record Ranking(String period, String previousPeriod, List<Row> rows) {

    /** One unit: its ranks (null when it cannot be ranked), values and changes (null without a comparison). */
    public record Row(String unit, String nameZh, String nameEn, Integer compositeRank, Double compositeIndex,
                      Double compositeChange, Integer goodDaysRank, Double goodShare, Double goodShareChange,
                      int aqiDays, PeriodStatistics statistics) {
    }

    /** A unit's names. */
    public record Unit(String code, String nameZh, String nameEn) {
    }

    public static Ranking of(Period period, List<Unit> units, Map<String, PeriodStatistics> now,
                             Map<String, PeriodStatistics> yearEarlier) {
        List<PeriodStatistics> composite = units.stream().map(u -> now.get(u.code()))
                .filter(s -> s != null && s.compositeIndex() != null)
                .sorted(Comparator.comparingDouble(PeriodStatistics::compositeIndex)).toList();
        List<PeriodStatistics> good = units.stream().map(u -> now.get(u.code()))
                .filter(s -> s != null && s.goodShare() != null)
                .sorted(Comparator.comparingDouble(PeriodStatistics::goodShare).reversed()).toList();
        List<Row> rows = new ArrayList<>();
        for (Unit u : units) {
            PeriodStatistics s = now.get(u.code());
            PeriodStatistics before = yearEarlier.get(u.code());
            rows.add(new Row(u.code(), u.nameZh(), u.nameEn(), rank(composite, s, PeriodStatistics::compositeIndex),
                    s.compositeIndex(), change(s.compositeIndex(), before == null ? null : before.compositeIndex()),
                    rank(good, s, PeriodStatistics::goodShare), s.goodShare(),
                    change(s.goodShare(), before == null ? null : before.goodShare()), s.aqiDays(), s));
        }
        rows.sort(Comparator.comparing(Row::compositeRank, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Row::goodDaysRank, Comparator.nullsLast(Comparator.naturalOrder())));
        return new Ranking(period.label(), period.yearEarlier().label(), rows);
    }

    /** Competition ranking: equal values share the better rank. */
    private static Integer rank(List<PeriodStatistics> ordered, PeriodStatistics s,
                                Function<PeriodStatistics, Double> value) {
        int i = ordered.indexOf(s);
        if (i < 0) {
            return null;
        }
        while (i > 0 && value.apply(ordered.get(i - 1)).equals(value.apply(s))) {
            i--;
        }
        return i + 1;
    }

    private static Double change(Double now, Double before) {
        return now == null || before == null ? null : Math.round((now - before) * 1000) / 1000.0;
    }
}
