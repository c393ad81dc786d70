package io.airwarn.observation;

import io.airwarn.core.BeijingTime;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What other features read of the observations: the stored city AQI by day and hour, the station weather by hour,
 * and the quality flags. Observation owns these tables; nobody else queries them.
 */
@ApplicationScoped
public class CityRecords {

    /** A city's stored day: 24-hour means (μg/m³, CO mg/m³), O3 as its maximum 8-hour mean, null where invalid. */
    public record CityDay(String city, LocalDate day, Double so2, Double no2, Double pm10, Double pm2_5, Double co,
                          Double o3Max8h, Integer aqi, boolean demo) {
    }

    /** A city's hourly PM2.5, PM10 and O3 (1-hour values). */
    public record HourlyConcentrations(LocalDateTime hour, Double pm2_5, Double pm10, Double o3) {
    }

    /** The station weather of an hour averaged over the city; the wind directions as the stations reported them. */
    public record HourlyWeather(LocalDateTime hour, Double temperature, Double dewPoint, Double pressure,
                                Double windSpeed, Double precipitation, List<String> windDirections) {
    }

    /** A city's latest AQI: {@code at} is the Beijing hour or day it is for. */
    public record Latest(String at, int aqi, boolean demo) {
    }

    /** The first and last day a city has a daily PM2.5 for. */
    public record Span(LocalDate first, LocalDate last) {
    }

    private final Pool pool;

    CityRecords(Pool pool) {
        this.pool = pool;
    }

    /** Days [from, to] of one city, or of every city when {@code city} is null; by city, then day. */
    public Uni<List<CityDay>> days(String city, LocalDate from, LocalDate to) {
        return pool.preparedQuery("""
                SELECT city_code, day, so2_24h, no2_24h, pm10_24h, pm2_5_24h, co_24h, o3_8h, aqi, demo
                FROM city_aqi_daily WHERE ($1::text IS NULL OR city_code = $1) AND day BETWEEN $2 AND $3
                ORDER BY city_code, day""").execute(Tuple.of(city, from, to)).map(rows -> list(rows,
                r -> new CityDay(r.getString(0), r.getLocalDate(1), r.getDouble(2), r.getDouble(3), r.getDouble(4),
                        r.getDouble(5), r.getDouble(6), r.getDouble(7), r.getInteger(8), r.getBoolean(9))));
    }

    /** A city's daily AQI over days [from, to], where it has one. */
    public Uni<Map<LocalDate, Integer>> aqiByDay(String city, LocalDate from, LocalDate to) {
        return pool.preparedQuery("SELECT day, aqi FROM city_aqi_daily WHERE city_code = $1 AND day BETWEEN $2 AND $3 "
                + "AND aqi IS NOT NULL").execute(Tuple.of(city, from, to)).map(rows -> {
                    Map<LocalDate, Integer> byDay = new HashMap<>();
                    rows.forEach(r -> byDay.put(r.getLocalDate(0), r.getInteger(1)));
                    return byDay;
                });
    }

    /** The latest day any city has a daily AQI for, or null. */
    public Uni<LocalDate> latestDay() {
        return pool.query("SELECT max(day) FROM city_aqi_daily WHERE aqi IS NOT NULL").execute()
                .map(rows -> rows.iterator().next().getLocalDate(0));
    }

    /** Each city's latest hourly AQI. */
    public Uni<Map<String, Latest>> latestHours(List<String> cities) {
        return byCity("""
                SELECT c.code, h.observed_at, h.aqi, h.demo FROM unnest($1::text[]) c(code) CROSS JOIN LATERAL (
                    SELECT observed_at, aqi, demo FROM city_aqi_hourly WHERE city_code = c.code AND aqi IS NOT NULL
                    ORDER BY observed_at DESC LIMIT 1) h""", cities,
                r -> new Latest(BeijingTime.toLocal(r.getOffsetDateTime(1)).toString(), r.getInteger(2),
                        r.getBoolean(3)));
    }

    /** Each city's latest daily AQI. */
    public Uni<Map<String, Latest>> latestDays(List<String> cities) {
        return byCity("""
                SELECT c.code, d.day, d.aqi, d.demo FROM unnest($1::text[]) c(code) CROSS JOIN LATERAL (
                    SELECT day, aqi, demo FROM city_aqi_daily WHERE city_code = c.code AND aqi IS NOT NULL
                    ORDER BY day DESC LIMIT 1) d""", cities,
                r -> new Latest(r.getLocalDate(1).toString(), r.getInteger(2), r.getBoolean(3)));
    }

    private <T> Uni<Map<String, T>> byCity(String sql, List<String> cities, Function<Row, T> value) {
        return pool.preparedQuery(sql).execute(Tuple.of(cities.toArray(String[]::new))).map(rows -> {
            Map<String, T> map = new HashMap<>();
            rows.forEach(r -> map.put(r.getString(0), value.apply(r)));
            return map;
        });
    }

    /** The cities with at least one daily PM2.5. */
    public Uni<List<String>> citiesWithPm25() {
        return pool.query("SELECT DISTINCT city_code FROM city_aqi_daily WHERE pm2_5_24h IS NOT NULL ORDER BY 1")
                .execute().map(rows -> list(rows, r -> r.getString(0)));
    }

    /** The days a city has a daily PM2.5 for, or null when it has none. */
    public Uni<Span> pm25Span(String city) {
        return pool.preparedQuery("SELECT min(day), max(day) FROM city_aqi_daily WHERE city_code = $1 "
                        + "AND pm2_5_24h IS NOT NULL").execute(Tuple.of(city))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    return r.getLocalDate(0) == null ? null : new Span(r.getLocalDate(0), r.getLocalDate(1));
                });
    }

    /** The last day before {@code before} with a daily PM2.5, or null. */
    public Uni<LocalDate> lastPm25DayBefore(String city, LocalDate before) {
        return pool.preparedQuery("SELECT max(day) FROM city_aqi_daily WHERE city_code = $1 AND day < $2 "
                        + "AND pm2_5_24h IS NOT NULL").execute(Tuple.of(city, before))
                .map(rows -> rows.iterator().next().getLocalDate(0));
    }

    /** A city's hours [from, to). */
    public Uni<List<HourlyConcentrations>> hourlyConcentrations(String city, LocalDateTime from, LocalDateTime to) {
        return pool.preparedQuery("""
                SELECT observed_at, pm2_5_1h, pm10_1h, o3_1h FROM city_aqi_hourly
                WHERE city_code = $1 AND observed_at >= $2 AND observed_at < $3""").execute(hours(city, from, to))
                .map(rows -> list(rows, r -> new HourlyConcentrations(BeijingTime.toLocal(r.getOffsetDateTime(0)),
                        r.getDouble(1), r.getDouble(2), r.getDouble(3))));
    }

    /** A city's station weather over hours [from, to). */
    public Uni<List<HourlyWeather>> hourlyWeather(String city, LocalDateTime from, LocalDateTime to) {
        return pool.preparedQuery("""
                SELECT o.observed_at, avg(o.temperature), avg(o.dew_point), avg(o.pressure), avg(o.wind_speed),
                       avg(o.precipitation), array_agg(o.wind_direction) FILTER (WHERE o.wind_direction IS NOT NULL)
                FROM observation o JOIN station s ON s.id = o.station_id
                WHERE s.city_code = $1 AND o.observed_at >= $2 AND o.observed_at < $3
                GROUP BY o.observed_at""").execute(hours(city, from, to))
                .map(rows -> list(rows, r -> {
                    String[] directions = r.getArrayOfStrings(6);
                    return new HourlyWeather(BeijingTime.toLocal(r.getOffsetDateTime(0)), r.getDouble(1),
                            r.getDouble(2), r.getDouble(3), r.getDouble(4), r.getDouble(5),
                            directions == null ? List.of() : Arrays.asList(directions));
                }));
    }

    /** Per city and pollutant, the station hours the quality rules left out over days [from, to]. */
    public Uni<Map<String, Map<String, Long>>> flaggedHours(LocalDate from, LocalDate to) {
        return pool.preparedQuery("""
                SELECT s.city_code, f.pollutant, count(DISTINCT (f.station_id, f.observed_at))
                FROM quality_flag f JOIN station s ON s.id = f.station_id
                WHERE f.status <> 'OVERRULED' AND f.observed_at >= $1 AND f.observed_at < $2
                GROUP BY 1, 2""").execute(Tuple.of(BeijingTime.toOffset(from.atStartOfDay()),
                        BeijingTime.toOffset(to.plusDays(1).atStartOfDay()))).map(rows -> {
                    Map<String, Map<String, Long>> counts = new HashMap<>();
                    rows.forEach(r -> counts.computeIfAbsent(r.getString(0), k -> new HashMap<>())
                            .put(r.getString(1), r.getLong(2)));
                    return counts;
                });
    }

    private static Tuple hours(String city, LocalDateTime from, LocalDateTime to) {
        return Tuple.of(city, BeijingTime.toOffset(from), BeijingTime.toOffset(to));
    }

    private static <T> List<T> list(RowSet<Row> rows, Function<Row, T> value) {
        List<T> list = new ArrayList<>();
        rows.forEach(r -> list.add(value.apply(r)));
        return list;
    }
}
