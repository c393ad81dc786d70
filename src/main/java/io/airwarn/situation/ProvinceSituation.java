package io.airwarn.situation;

import io.airwarn.aqi.AqiCategory;
import io.airwarn.aqi.CategoryView;
import io.airwarn.city.Cities;
import io.airwarn.city.City;
import io.airwarn.core.BeijingTime;
import io.airwarn.core.WarningLevel;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The 12 units at a glance, for the console's and the public page's map: one query per kind, each per unit. */
@ApplicationScoped
public class ProvinceSituation {

    private static final double WEST = 121.4;
    private static final double EAST = 131.4;
    private static final double NORTH = 46.4;
    private static final double SOUTH = 40.8;

    private final Pool pool;
    private final Cities cities;

    ProvinceSituation(Pool pool, Cities cities) {
        this.pool = pool;
        this.cities = cities;
    }

    /** Every unit; exercises are left out unless asked for (the public never sees them). */
    public Uni<List<CitySituation>> all(boolean withExercises) {
        String[] codes = cities.all().stream().map(City::code).toArray(String[]::new);
        Uni<Map<String, Row>> hours = byCity("""
                SELECT c.code, h.observed_at, h.aqi, h.demo FROM unnest($1::text[]) c(code) CROSS JOIN LATERAL (
                    SELECT observed_at, aqi, demo FROM city_aqi_hourly WHERE city_code = c.code AND aqi IS NOT NULL
                    ORDER BY observed_at DESC LIMIT 1) h""", Tuple.of(codes));
        Uni<Map<String, Row>> days = byCity("""
                SELECT c.code, d.day, d.aqi, d.demo FROM unnest($1::text[]) c(code) CROSS JOIN LATERAL (
                    SELECT day, aqi, demo FROM city_aqi_daily WHERE city_code = c.code AND aqi IS NOT NULL
                    ORDER BY day DESC LIMIT 1) d""", Tuple.of(codes));
        Uni<Map<String, Row>> forecasts = byCity("""
                SELECT c.code, f.target_day, f.expected_aqi, f.low_aqi, f.high_aqi, f.p_above_200
                FROM unnest($1::text[]) c(code) CROSS JOIN LATERAL (
                    SELECT d.target_day, d.expected_aqi, d.low_aqi, d.high_aqi, d.p_above_200 FROM forecast_run r
                    JOIN forecast_day d ON d.run_id = r.id AND d.lead = 1
                    WHERE r.city_code = c.code ORDER BY r.issued_at DESC LIMIT 1) f""", Tuple.of(codes));
        Uni<Map<String, Row>> warnings = byCity("""
                SELECT DISTINCT ON (city_code) city_code, id, issued_level, exercise, onset, expected_end FROM warning
                WHERE state IN ('ISSUED', 'CHANGE_SUBMITTED') AND issued_level <> 'NONE' AND (exercise = false OR $1)
                ORDER BY city_code, exercise, id DESC""", Tuple.of(withExercises));
        return Uni.combine().all().unis(hours, days, forecasts, warnings).asTuple().map(t -> cities.all().stream()
                .map(c -> situation(c, t.getItem1().get(c.code()), t.getItem2().get(c.code()),
                        t.getItem3().get(c.code()), t.getItem4().get(c.code()))).toList());
    }

    private Uni<Map<String, Row>> byCity(String sql, Tuple params) {
        return pool.preparedQuery(sql).execute(params).map(rows -> {
            Map<String, Row> map = new HashMap<>();
            rows.forEach(r -> map.put(r.getString(0), r));
            return map;
        });
    }

    private static CitySituation situation(City c, Row hour, Row day, Row forecast, Row warning) {
        double x = 100 * (c.longitude() - WEST) / (EAST - WEST);
        double y = 100 * (NORTH - c.latitude()) / (NORTH - SOUTH);
        return new CitySituation(c.code(), c.nameZh(), c.nameEn(), round(x), round(y),
                hour == null ? null : observed(BeijingTime.toLocal(hour.getOffsetDateTime(1)).toString(),
                        hour.getInteger(2), hour.getBoolean(3)),
                day == null ? null : observed(day.getLocalDate(1).toString(), day.getInteger(2), day.getBoolean(3)),
                forecast == null ? null : new CitySituation.Forecast(forecast.getLocalDate(1).toString(),
                        (int) Math.round(forecast.getDouble(2)), forecast.getInteger(3), forecast.getInteger(4),
                        forecast.getDouble(5), category((int) Math.round(forecast.getDouble(2)))),
                warning == null ? null : new CitySituation.WarningInForce(warning.getLong(1),
                        WarningLevel.valueOf(warning.getString(2)), warning.getBoolean(3),
                        BeijingTime.toLocal(warning.getOffsetDateTime(4)).toString(),
                        BeijingTime.toLocal(warning.getOffsetDateTime(5)).toString()));
    }

    private static CitySituation.Observed observed(String at, int aqi, boolean demo) {
        return new CitySituation.Observed(at, aqi, category(aqi), demo);
    }

    private static CategoryView category(int aqi) {
        return CategoryView.of(AqiCategory.of(aqi));
    }


    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
