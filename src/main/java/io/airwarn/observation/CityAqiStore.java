package io.airwarn.observation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.airwarn.aqi.AqiItem;
import io.airwarn.core.Chunks;
import io.airwarn.core.BeijingTime;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes computed city AQI. A recomputation replaces every row of its range, so hours that lost their data on
 * re-import disappear instead of keeping stale values.
 */
@ApplicationScoped
class CityAqiStore {

    static final List<AqiItem> HOURLY_ITEMS = List.of(AqiItem.SO2_1H, AqiItem.SO2_24H, AqiItem.NO2_1H,
            AqiItem.CO_1H, AqiItem.O3_1H, AqiItem.O3_8H, AqiItem.PM10_24H, AqiItem.PM2_5_24H);
    static final List<String> HOURLY_EXTRA = List.of("PM10_1H", "PM2_5_1H");
    static final List<AqiItem> DAILY_ITEMS = List.of(AqiItem.SO2_24H, AqiItem.NO2_24H, AqiItem.PM10_24H,
            AqiItem.CO_24H, AqiItem.O3_1H, AqiItem.O3_8H, AqiItem.PM2_5_24H);

    private static final String INSERT_HOURLY = """
            INSERT INTO city_aqi_hourly (city_code, observed_at, standard, so2_1h, so2_24h, no2_1h, co_1h, o3_1h,
                o3_8h, pm10_24h, pm2_5_24h, pm10_1h, pm2_5_1h, aqi, category, primary_pollutants,
                exceeding_pollutants, iaqi, completeness, demo)
            SELECT $1, u.* FROM unnest($2::timestamptz[], $3::text[], $4::float8[], $5::float8[], $6::float8[],
                $7::float8[], $8::float8[], $9::float8[], $10::float8[], $11::float8[], $12::float8[], $13::float8[],
                $14::int[], $15::int2[], $16::text[], $17::text[], $18::text[], $19::text[], $20::bool[]) AS u""";

    private static final String INSERT_DAILY = """
            INSERT INTO city_aqi_daily (city_code, day, standard, so2_24h, no2_24h, pm10_24h, co_24h, o3_1h, o3_8h,
                pm2_5_24h, aqi, category, primary_pollutants, exceeding_pollutants, iaqi, completeness, demo)
            SELECT $1, u.* FROM unnest($2::date[], $3::text[], $4::float8[], $5::float8[], $6::float8[],
                $7::float8[], $8::float8[], $9::float8[], $10::float8[], $11::int[], $12::int2[], $13::text[],
                $14::text[], $15::text[], $16::text[], $17::bool[]) AS u""";

    private final ObjectMapper json;

    CityAqiStore(ObjectMapper json) {
        this.json = json;
    }

    Uni<Void> replaceHourly(SqlConnection connection, String cityCode, String standard, LocalDateTime from,
                            LocalDateTime toExclusive, List<CityAqiReport> reports) {
        return connection.preparedQuery("DELETE FROM city_aqi_hourly WHERE city_code = $1 AND observed_at >= $2 "
                        + "AND observed_at < $3")
                .execute(Tuple.of(cityCode, BeijingTime.toOffset(from), BeijingTime.toOffset(toExclusive)))
                .chain(() -> insertChunks(connection, reports, chunk -> {
                    OffsetDateTime[] hours = chunk.stream().map(r -> BeijingTime.toOffset(r.start()))
                            .toArray(OffsetDateTime[]::new);
                    Tuple t = Tuple.of(cityCode, hours, standards(standard, chunk.size()));
                    HOURLY_ITEMS.forEach(item -> t.addArrayOfDouble(column(chunk, r -> r.concentrations().get(item))));
                    HOURLY_EXTRA.forEach(key -> t.addArrayOfDouble(column(chunk, r -> r.extra().get(key))));
                    return addResultColumns(t, chunk);
                }, INSERT_HOURLY));
    }

    Uni<Void> replaceDaily(SqlConnection connection, String cityCode, String standard, LocalDate from, LocalDate to,
                           List<CityAqiReport> reports) {
        return connection.preparedQuery("DELETE FROM city_aqi_daily WHERE city_code = $1 AND day BETWEEN $2 AND $3")
                .execute(Tuple.of(cityCode, from, to))
                .chain(() -> insertChunks(connection, reports, chunk -> {
                    LocalDate[] days = chunk.stream().map(r -> r.start().toLocalDate()).toArray(LocalDate[]::new);
                    Tuple t = Tuple.of(cityCode, days, standards(standard, chunk.size()));
                    DAILY_ITEMS.forEach(item -> t.addArrayOfDouble(column(chunk, r -> r.concentrations().get(item))));
                    return addResultColumns(t, chunk);
                }, INSERT_DAILY));
    }

    private static Uni<Void> insertChunks(SqlConnection connection, List<CityAqiReport> reports,
                                          Function<List<CityAqiReport>, Tuple> toTuple, String sql) {
        return Chunks.inSequence(reports, chunk -> connection.preparedQuery(sql).execute(toTuple.apply(chunk)));
    }

    private Tuple addResultColumns(Tuple t, List<CityAqiReport> chunk) {
        int n = chunk.size();
        Integer[] aqi = new Integer[n];
        Short[] category = new Short[n];
        String[] primary = new String[n];
        String[] exceeding = new String[n];
        String[] iaqi = new String[n];
        String[] completeness = new String[n];
        Boolean[] demo = new Boolean[n];
        for (int i = 0; i < n; i++) {
            CityAqiReport r = chunk.get(i);
            if (r.result() != null) {
                aqi[i] = r.result().aqi();
                category[i] = (short) r.result().category().level();
                primary[i] = ItemList.format(r.result().primaryPollutants());
                exceeding[i] = ItemList.format(r.result().exceedingPollutants());
                iaqi[i] = toJson(r.result().iaqi());
            } else {
                primary[i] = "";
                exceeding[i] = "";
                iaqi[i] = "{}";
            }
            completeness[i] = toJson(validCounts(r.completeness()));
            demo[i] = r.demo();
        }
        return t.addArrayOfInteger(aqi).addArrayOfShort(category).addArrayOfString(primary)
                .addArrayOfString(exceeding).addArrayOfString(iaqi).addArrayOfString(completeness).addArrayOfBoolean(demo);
    }

    private static String[] standards(String standard, int n) {
        String[] values = new String[n];
        Arrays.fill(values, standard);
        return values;
    }

    private static Double[] column(List<CityAqiReport> chunk, Function<CityAqiReport, BigDecimal> value) {
        return chunk.stream().map(value).map(v -> v == null ? null : v.doubleValue()).toArray(Double[]::new);
    }

    /** Only the counts are stored; units and requirements follow from the rules when read. */
    private static Map<AqiItem, Integer> validCounts(Map<AqiItem, Completeness> completeness) {
        Map<AqiItem, Integer> counts = new EnumMap<>(AqiItem.class);
        completeness.forEach((item, c) -> counts.put(item, c.valid()));
        return counts;
    }

    /** Item-keyed maps are stored as JSON text in item order. */
    private String toJson(Map<AqiItem, ?> byItem) {
        try {
            return json.writeValueAsString(byItem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("completeness cannot be written as JSON", e);
        }
    }
}
