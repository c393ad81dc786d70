package io.airwarn.accountability;

import io.airwarn.city.Cities;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Rankings of the 12 units from the stored daily values. */
@ApplicationScoped
public class RankingService {

    private final DailyValuesStore store;
    private final Cities cities;

    RankingService(DailyValuesStore store, Cities cities) {
        this.store = store;
        this.cities = cities;
    }

    public Uni<Ranking> ranking(Period p) {
        Period before = p.yearEarlier();
        List<Ranking.Unit> units = cities.all().stream().map(c -> new Ranking.Unit(c.code(), c.nameZh(), c.nameEn()))
                .toList();
        return Uni.combine().all().unis(store.byUnit(before.from(), p.to()), store.flagged(p.from(), p.to()))
                .asTuple().map(t -> {
                    Map<String, PeriodStatistics> now = new HashMap<>();
                    Map<String, PeriodStatistics> earlier = new HashMap<>();
                    for (Ranking.Unit u : units) {
                        List<DailyValues> d = t.getItem1().getOrDefault(u.code(), List.of());
                        now.put(u.code(), PeriodStatistics.of(u.code(), p, d,
                                t.getItem2().getOrDefault(u.code(), Map.of())));
                        earlier.put(u.code(), PeriodStatistics.of(u.code(), before, d));
                    }
                    return Ranking.of(p, units, now, earlier);
                });
    }

    /** The last calendar month the stored data cover to its end (or the one before the latest data), if any. */
    public Uni<Period> latestMonth() {
        return store.latestDay().map(day -> {
            if (day == null) {
                return null;
            }
            YearMonth month = YearMonth.from(day);
            return Period.parse((day.equals(month.atEndOfMonth()) ? month : month.minusMonths(1)).toString());
        });
    }
}
