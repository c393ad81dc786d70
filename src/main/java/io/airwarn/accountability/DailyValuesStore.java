package io.airwarn.accountability;

import io.airwarn.core.BeijingTime;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The stored city daily values of every unit over a span of days. */
@ApplicationScoped
class DailyValuesStore {

    private final Pool pool;

    DailyValuesStore(Pool pool) {
        this.pool = pool;
    }

    /** Per unit and pollutant, the station hours the quality rules left out over [from, to] (Beijing days). */
    Uni<Map<String, Map<Statistic, Long>>> flagged(LocalDate from, LocalDate to) {
        return pool.preparedQuery("""
                SELECT s.city_code, f.pollutant, count(DISTINCT (f.station_id, f.observed_at))
                FROM quality_flag f JOIN station s ON s.id = f.station_id
                WHERE f.status <> 'OVERRULED' AND f.observed_at >= $1 AND f.observed_at < $2
                GROUP BY 1, 2""").execute(Tuple.of(BeijingTime.toOffset(from.atStartOfDay()),
                        BeijingTime.toOffset(to.plusDays(1).atStartOfDay()))).map(rows -> {
                    Map<String, Map<Statistic, Long>> counts = new HashMap<>();
                    rows.forEach(r -> counts.computeIfAbsent(r.getString(0), k -> new EnumMap<>(Statistic.class))
                            .put(Statistic.valueOf(r.getString(1)), r.getLong(2)));
                    return counts;
                });
    }

    /** The latest day any unit has a daily AQI for, or null. */
    Uni<LocalDate> latestDay() {
        return pool.query("SELECT max(day) FROM city_aqi_daily WHERE aqi IS NOT NULL").execute()
                .map(rows -> rows.iterator().next().getLocalDate(0));
    }

    Uni<Map<String, List<DailyValues>>> byUnit(LocalDate from, LocalDate to) {
        return pool.preparedQuery("""
                SELECT city_code, day, so2_24h, no2_24h, pm10_24h, pm2_5_24h, co_24h, o3_8h, aqi FROM city_aqi_daily
                WHERE day BETWEEN $1 AND $2 ORDER BY city_code, day""").execute(Tuple.of(from, to)).map(rows -> {
                    Map<String, List<DailyValues>> byUnit = new HashMap<>();
                    for (Row r : rows) {
                        byUnit.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(new DailyValues(
                                r.getLocalDate(1), r.getDouble(2), r.getDouble(3), r.getDouble(4), r.getDouble(5),
                                r.getDouble(6), r.getDouble(7), r.getInteger(8)));
                    }
                    return byUnit;
                });
    }
}
