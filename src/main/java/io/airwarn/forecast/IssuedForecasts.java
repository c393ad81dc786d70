package io.airwarn.forecast;

import io.airwarn.core.BeijingTime;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Issued forecasts as other features read them: the maps' next day, an episode report's forecast at issue. */
@ApplicationScoped
public class IssuedForecasts {

    /**
     * The day's expected AQI, its 80 % interval and the probability of heavy pollution (AQI above 200), with the
     * time the run was issued (a page can tell an old run from today's).
     */
    public record NextDay(LocalDate day, double expectedAqi, int lowAqi, int highAqi, double pAbove200,
                          OffsetDateTime issuedAt) {

        /** Two runs a day (7:00 and 15:00): a run older than a day and a half means at least two were missed. */
        public static final Duration STALE_AFTER = Duration.ofHours(36);

        /** Too old to go by: its run missed two issues since, or its day is already past in Beijing. */
        public boolean stale(Instant now) {
            return stale(day, issuedAt.toInstant(), now);
        }

        public static boolean stale(LocalDate day, Instant issuedAt, Instant now) {
            LocalDate today = now.atZone(BeijingTime.ZONE).toLocalDate();
            return issuedAt.isBefore(now.minus(STALE_AFTER)) || day.isBefore(today);
        }
    }

    private final Pool pool;

    IssuedForecasts(Pool pool) {
        this.pool = pool;
    }

    /** Each unit's forecast for the day after its latest run (lead 1). */
    public Uni<Map<String, NextDay>> latest(List<String> cities) {
        return pool.preparedQuery("""
                SELECT c.code, f.target_day, f.expected_aqi, f.low_aqi, f.high_aqi, f.p_above_200, f.issued_at
                FROM unnest($1::text[]) c(code) CROSS JOIN LATERAL (
                    SELECT d.target_day, d.expected_aqi, d.low_aqi, d.high_aqi, d.p_above_200, r.issued_at
                    FROM forecast_run r
                    JOIN forecast_day d ON d.run_id = r.id AND d.lead = 1
                    WHERE r.city_code = c.code ORDER BY r.issued_at DESC LIMIT 1) f""")
                .execute(Tuple.of(cities.toArray(String[]::new))).map(rows -> {
                    Map<String, NextDay> byCity = new HashMap<>();
                    rows.forEach(r -> byCity.put(r.getString(0), new NextDay(r.getLocalDate(1), r.getDouble(2),
                            r.getInteger(3), r.getInteger(4), r.getDouble(5), r.getOffsetDateTime(6))));
                    return byCity;
                });
    }

    /** A run's forecast of one day: expected AQI, probabilities of its thresholds and the model's yes/no. */
    public record IssuedDay(LocalDate day, double expectedAqi, double pAbove200, double pAbove300,
                            double pAtLeast500, Boolean saysAbove200, Boolean saysAbove300) {
    }

    /** A run's days, by lead. */
    public Uni<List<IssuedDay>> days(long runId) {
        return pool.preparedQuery("SELECT target_day, expected_aqi, p_above_200, p_above_300, p_at_least_500, "
                        + "says_above_200, says_above_300 FROM forecast_day WHERE run_id = $1 ORDER BY lead")
                .execute(Tuple.of(runId)).map(rows -> {
                    List<IssuedDay> list = new ArrayList<>();
                    rows.forEach(r -> list.add(new IssuedDay(r.getLocalDate(0), r.getDouble(1), r.getDouble(2),
                            r.getDouble(3), r.getDouble(4), r.getBoolean(5), r.getBoolean(6))));
                    return list;
                });
    }

    /** The expected AQI by day of the latest run issued at or before {@code at}. */
    public Uni<Map<LocalDate, Double>> expectedAqiAsOf(String city, OffsetDateTime at) {
        return pool.preparedQuery("""
                SELECT fd.target_day, fd.expected_aqi FROM forecast_day fd
                WHERE fd.run_id = (SELECT id FROM forecast_run WHERE city_code = $1 AND issued_at <= $2
                                   ORDER BY issued_at DESC LIMIT 1)""")
                .execute(Tuple.of(city, at)).map(rows -> {
                    Map<LocalDate, Double> days = new TreeMap<>();
                    rows.forEach(r -> days.put(r.getLocalDate(0), r.getDouble(1)));
                    return days;
                });
    }
}
