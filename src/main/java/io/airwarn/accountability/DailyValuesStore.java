package io.airwarn.accountability;

import io.airwarn.observation.CityRecords;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The stored city daily values of every unit over a span of days, as observation records them. */
@ApplicationScoped
class DailyValuesStore {

    private final CityRecords records;

    DailyValuesStore(CityRecords records) {
        this.records = records;
    }

    /** Per unit and pollutant, the station hours the quality rules left out over [from, to] (Beijing days). */
    Uni<Map<String, Map<Statistic, Long>>> flagged(LocalDate from, LocalDate to) {
        return records.flaggedHours(from, to).map(byCity -> {
            Map<String, Map<Statistic, Long>> counts = new HashMap<>();
            byCity.forEach((city, byPollutant) -> byPollutant.forEach((pollutant, n) -> counts
                    .computeIfAbsent(city, k -> new EnumMap<>(Statistic.class)).put(Statistic.valueOf(pollutant), n)));
            return counts;
        });
    }

    /** The latest day any unit has a daily AQI for, or null. */
    Uni<LocalDate> latestDay() {
        return records.latestDay();
    }

    Uni<Map<String, List<DailyValues>>> byUnit(LocalDate from, LocalDate to) {
        return records.days(null, from, to).map(days -> {
            Map<String, List<DailyValues>> byUnit = new HashMap<>();
            for (CityRecords.CityDay d : days) {
                byUnit.computeIfAbsent(d.city(), k -> new ArrayList<>()).add(new DailyValues(d.day(), d.so2(),
                        d.no2(), d.pm10(), d.pm2_5(), d.co(), d.o3Max8h(), d.aqi()));
            }
            return byUnit;
        });
    }
}
