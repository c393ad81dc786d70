package io.airwarn.observation;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many station values the quality rules left out of a unit's hours or days (flagged and not overruled), per
 * pollutant, so every aggregate states it beside the values it used.
 */
@ApplicationScoped
class FlaggedCounts {

    private final Pool pool;

    FlaggedCounts(Pool pool) {
        this.pool = pool;
    }

    /** Keyed by the Beijing hour ("2015-12-01T08:00") or day ("2015-12-01") as {@code byDay} says. */
    Uni<Map<String, Map<String, Long>>> between(String city, OffsetDateTime from, OffsetDateTime toExclusive,
                                                boolean byDay) {
        String bucket = byDay ? "to_char(f.observed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')"
                : "to_char(f.observed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD\"T\"HH24:MI')";
        return pool.preparedQuery("""
                SELECT %s, f.pollutant, count(DISTINCT (f.station_id, f.observed_at))
                FROM quality_flag f JOIN station s ON s.id = f.station_id
                WHERE s.city_code = $1 AND f.observed_at >= $2 AND f.observed_at < $3 AND f.status <> 'OVERRULED'
                GROUP BY 1, 2""".formatted(bucket)).execute(Tuple.of(city, from, toExclusive)).map(rows -> {
                    Map<String, Map<String, Long>> counts = new HashMap<>();
                    rows.forEach(r -> counts.computeIfAbsent(r.getString(0), k -> new TreeMap<>())
                            .put(r.getString(1), r.getLong(2)));
                    return counts;
                });
    }
}
