package io.airwarn.observation;

import io.airwarn.aqi.Pollutant;
import io.airwarn.core.Chunks;
import io.airwarn.core.BeijingTime;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Station and observation writes, and the city hourly series read back for aggregation. Bulk writes go through the
 * Vert.x SQL client with one array-parameter statement per chunk: a station-year is one round trip per few thousand
 * rows instead of one per row through entity persistence.
 */
@ApplicationScoped
class ObservationStore {

    private final Clock clock;

    ObservationStore(Clock clock) {
        this.clock = clock;
    }

    private static final String UPSERT_STATION = """
            INSERT INTO station (city_code, name, source, demo) VALUES ($1, $2, $3, $4)
            ON CONFLICT (city_code, name) DO UPDATE SET source = EXCLUDED.source, demo = EXCLUDED.demo
            RETURNING id""";

    private static final String UPSERT_OBSERVATIONS = """
            INSERT INTO observation (station_id, observed_at, pm2_5, pm10, so2, no2, co, o3, temperature, dew_point,
                                     humidity, pressure, wind_speed, wind_direction, precipitation, imported_at)
            SELECT $1, u.*, $16 FROM unnest($2::timestamptz[], $3::float8[], $4::float8[], $5::float8[], $6::float8[],
                                       $7::float8[], $8::float8[], $9::float8[], $10::float8[], $11::float8[],
                                       $12::float8[], $13::float8[], $14::text[], $15::float8[]) AS u
            ON CONFLICT (station_id, observed_at) DO UPDATE SET
                pm2_5 = EXCLUDED.pm2_5, pm10 = EXCLUDED.pm10, so2 = EXCLUDED.so2, no2 = EXCLUDED.no2,
                co = EXCLUDED.co, o3 = EXCLUDED.o3, temperature = EXCLUDED.temperature, dew_point = EXCLUDED.dew_point,
                humidity = EXCLUDED.humidity, pressure = EXCLUDED.pressure, wind_speed = EXCLUDED.wind_speed,
                wind_direction = EXCLUDED.wind_direction, precipitation = EXCLUDED.precipitation, imported_at = $16""";

    /**
     * Station means per hour. Values flagged by the quality rules (and not overruled) are left out, and counted: each
     * pollutant has its mean, the values used and the values flagged.
     */
    private static final String CITY_SERIES = """
            SELECT o.observed_at,
                   avg(o.so2) FILTER (WHERE NOT %1$s), count(o.so2) FILTER (WHERE NOT %1$s),
                   avg(o.no2) FILTER (WHERE NOT %2$s), count(o.no2) FILTER (WHERE NOT %2$s),
                   avg(o.pm10) FILTER (WHERE NOT %3$s), count(o.pm10) FILTER (WHERE NOT %3$s),
                   avg(o.co) FILTER (WHERE NOT %4$s), count(o.co) FILTER (WHERE NOT %4$s),
                   avg(o.o3) FILTER (WHERE NOT %5$s), count(o.o3) FILTER (WHERE NOT %5$s),
                   avg(o.pm2_5) FILTER (WHERE NOT %6$s), count(o.pm2_5) FILTER (WHERE NOT %6$s),
                   bool_or(s.demo)
            FROM observation o JOIN station s ON s.id = o.station_id
            LEFT JOIN LATERAL (SELECT array_agg(f.pollutant) AS items FROM quality_flag f
                               WHERE f.station_id = o.station_id AND f.observed_at = o.observed_at
                                 AND f.status <> 'OVERRULED') q ON true
            WHERE s.city_code = $1 AND o.observed_at >= $2 AND o.observed_at < $3
            GROUP BY o.observed_at""".formatted(flagged("SO2"), flagged("NO2"), flagged("PM10"), flagged("CO"),
            flagged("O3"), flagged("PM2_5"));

    private static String flagged(String pollutant) {
        return "coalesce('" + pollutant + "' = ANY(q.items), false)";
    }

    /** Column order of the pollutant pairs in {@link #CITY_SERIES}. */
    private static final List<Pollutant> SERIES_POLLUTANTS = List.of(Pollutant.SO2, Pollutant.NO2, Pollutant.PM10,
            Pollutant.CO, Pollutant.O3, Pollutant.PM2_5);

    /** Serialises imports that touch one city, so each recomputation sees the other's committed rows. */
    Uni<Void> lockCity(SqlConnection connection, String cityCode) {
        return connection.preparedQuery("SELECT pg_advisory_xact_lock(hashtext('city-aqi:' || $1))")
                .execute(Tuple.of(cityCode)).replaceWithVoid();
    }

    Uni<Long> upsertStation(SqlConnection connection, StationKey station, String source, boolean demo) {
        return connection.preparedQuery(UPSERT_STATION)
                .execute(Tuple.of(station.cityCode(), station.name(), source, demo))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    Uni<Void> upsertObservations(SqlConnection connection, long stationId, List<HourlyObservation> rows) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return Chunks.inSequence(rows, chunk -> connection.preparedQuery(UPSERT_OBSERVATIONS)
                .execute(observationArrays(stationId, chunk).addOffsetDateTime(now)));
    }

    private static Tuple observationArrays(long stationId, List<HourlyObservation> rows) {
        int n = rows.size();
        OffsetDateTime[] hours = new OffsetDateTime[n];
        Double[][] numbers = new Double[12][n];
        String[] windDirections = new String[n];
        for (int i = 0; i < n; i++) {
            HourlyObservation o = rows.get(i);
            hours[i] = BeijingTime.toOffset(o.hour());
            Double[] values = {o.pm2_5(), o.pm10(), o.so2(), o.no2(), o.co(), o.o3(), o.temperature(), o.dewPoint(),
                o.humidity(), o.pressure(), o.windSpeed(), o.precipitation()};
            for (int c = 0; c < values.length; c++) {
                numbers[c][i] = values[c];
            }
            windDirections[i] = o.windDirection();
        }
        Tuple t = Tuple.of(stationId, hours);
        for (int c = 0; c < 11; c++) {
            t.addArrayOfDouble(numbers[c]);
        }
        return t.addArrayOfString(windDirections).addArrayOfDouble(numbers[11]);
    }

    /** The stations' observations of a city over [from, toExclusive), by station id, for the quality rules. */
    Uni<Map<String, List<HourlyObservation>>> cityStations(SqlConnection connection, String cityCode,
                                                           LocalDateTime from, LocalDateTime toExclusive) {
        return connection.preparedQuery("""
                        SELECT o.station_id, o.observed_at, o.pm2_5, o.pm10, o.so2, o.no2, o.co, o.o3
                        FROM observation o JOIN station s ON s.id = o.station_id
                        WHERE s.city_code = $1 AND o.observed_at >= $2 AND o.observed_at < $3""")
                .execute(Tuple.of(cityCode, BeijingTime.toOffset(from), BeijingTime.toOffset(toExclusive)))
                .map(rows -> {
                    Map<String, List<HourlyObservation>> byStation = new HashMap<>();
                    for (Row r : rows) {
                        byStation.computeIfAbsent(Long.toString(r.getLong(0)), k -> new ArrayList<>()).add(
                                new HourlyObservation(BeijingTime.toLocal(r.getOffsetDateTime(1)), r.getDouble(2),
                                        r.getDouble(3), r.getDouble(4), r.getDouble(5), r.getDouble(6),
                                        r.getDouble(7), null, null, null, null, null, null, null));
                    }
                    return byStation;
                });
    }

    /**
     * Replaces the rules' flags of a city's stations over [from, toExclusive): undecided flags are dropped and the new
     * ones stored; an officer's decision on a flag found again stands.
     */
    Uni<Void> replaceFlags(SqlConnection connection, String cityCode, LocalDateTime from, LocalDateTime toExclusive,
                           List<QualityFlag> flags) {
        Uni<Void> deleted = connection.preparedQuery("""
                        DELETE FROM quality_flag f USING station s WHERE s.id = f.station_id AND s.city_code = $1
                          AND f.observed_at >= $2 AND f.observed_at < $3 AND f.status = 'FLAGGED'""")
                .execute(Tuple.of(cityCode, BeijingTime.toOffset(from), BeijingTime.toOffset(toExclusive)))
                .replaceWithVoid();
        return deleted.chain(() -> Chunks.inSequence(flags, chunk -> connection.preparedQuery("""
                        INSERT INTO quality_flag (station_id, observed_at, pollutant, reason, detail)
                        SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::text[], $5::text[])
                        ON CONFLICT DO NOTHING""")
                .execute(Tuple.of(chunk.stream().map(f -> Long.parseLong(f.station())).toArray(Long[]::new),
                        chunk.stream().map(f -> BeijingTime.toOffset(f.hour())).toArray(OffsetDateTime[]::new),
                        chunk.stream().map(f -> f.pollutant().name()).toArray(String[]::new),
                        chunk.stream().map(f -> f.reason().name()).toArray(String[]::new),
                        chunk.stream().map(QualityFlag::detail).toArray(String[]::new)))));
    }

    /** The city's station-mean series over [from, toExclusive), Beijing hours. */
    Uni<HourlySeries> citySeries(SqlConnection connection, String cityCode, LocalDateTime from,
                                 LocalDateTime toExclusive) {
        return connection.preparedQuery(CITY_SERIES)
                .execute(Tuple.of(cityCode, BeijingTime.toOffset(from), BeijingTime.toOffset(toExclusive)))
                .map(rows -> {
                    HourlySeries series = new HourlySeries(from, toExclusive);
                    for (Row row : rows) {
                        LocalDateTime hour = BeijingTime.toLocal(row.getOffsetDateTime(0));
                        for (int p = 0; p < SERIES_POLLUTANTS.size(); p++) {
                            Double mean = row.getDouble(1 + 2 * p);
                            if (mean != null) {
                                series.put(hour, SERIES_POLLUTANTS.get(p), mean, row.getLong(2 + 2 * p).intValue());
                            }
                        }
                        if (Boolean.TRUE.equals(row.getBoolean(13))) {
                            series.markDemo(hour);
                        }
                    }
                    return series;
                });
    }
}
