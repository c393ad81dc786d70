package io.airwarn.forecast;

import io.airwarn.core.BeijingTime;
import io.airwarn.observation.CityRecords;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The forecast service's storage: the city history it forecasts from (observation's records: daily and hourly PM2.5,
 * PM10 and O3, the station weather), weather forecasts, and idempotent writes of forecast runs.
 */
@ApplicationScoped
class ForecastStore {

    private static final String INSERT_RUN = """
            INSERT INTO forecast_run (city_code, issued_at, data_through, model_id, model_label, model_version,
                                      trigger, demo, issue_hour)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            ON CONFLICT (city_code, issued_at) DO NOTHING RETURNING id""";

    private static final String INSERT_DAYS = """
            INSERT INTO forecast_day (run_id, lead, target_day, meteorology, expected_aqi, low_aqi, high_aqi,
                                      p_above_200, p_above_300, p_at_least_500, says_above_200, says_above_300,
                                      primary_pollutant, sub_indices)
            SELECT $1, u.* FROM unnest($2::int2[], $3::date[], $4::text[], $5::float8[], $6::int[], $7::int[],
                                       $8::float8[], $9::float8[], $10::float8[], $11::bool[], $12::bool[],
                                       $13::text[], $14::text[]) AS u""";

    /** A city's days with their demo flag. */
    record History(List<DailyRecord> days, boolean demo) {
    }

    private final Pool pool;
    private final CityRecords records;
    private final Clock clock;

    ForecastStore(Pool pool, CityRecords records, Clock clock) {
        this.pool = pool;
        this.records = records;
        this.clock = clock;
    }

    Uni<List<String>> citiesWithData() {
        return records.citiesWithPm25();
    }

    Uni<List<String>> citiesWithoutForecast() {
        return pool.query("SELECT DISTINCT city_code FROM forecast_run").execute().chain(rows -> {
            Set<String> forecast = new HashSet<>();
            rows.forEach(r -> forecast.add(r.getString(0)));
            return citiesWithData().map(cities -> cities.stream().filter(c -> !forecast.contains(c)).toList());
        });
    }

    /** The city's days with a daily PM2.5, or null when it has none. */
    Uni<CityRecords.Span> dataRange(String city) {
        return records.pm25Span(city);
    }

    /** The last day before {@code before} with a daily PM2.5, or null. */
    Uni<LocalDate> originDay(String city, LocalDate before) {
        return records.lastPm25DayBefore(city, before);
    }

    /**
     * Days [from, to] of a city: daily and hourly PM2.5, PM10 and O3 (daily: its maximum 8-hour mean) and the station
     * meteorology averaged over the city.
     */
    Uni<History> history(String city, LocalDate from, LocalDate to) {
        LocalDateTime start = from.atStartOfDay();
        LocalDateTime end = to.plusDays(1).atStartOfDay();
        Uni<Map<LocalDate, CityRecords.CityDay>> daily = records.days(city, from, to).map(days -> {
            Map<LocalDate, CityRecords.CityDay> byDay = new HashMap<>();
            days.forEach(d -> byDay.put(d.day(), d));
            return byDay;
        });
        Uni<Map<LocalDate, List<HourAccumulator>>> hourlyMet = records.hourlyWeather(city, start, end).map(hours -> {
            Map<LocalDate, List<HourAccumulator>> byDay = new TreeMap<>();
            hours.forEach(h -> byDay.computeIfAbsent(h.hour().toLocalDate(), d -> new ArrayList<>()).add(hourOf(h)));
            return byDay;
        });
        Uni<Map<LocalDate, Map<ForecastPollutant, double[]>>> hourlyPollutants = records
                .hourlyConcentrations(city, start, end).map(hours -> {
                    Map<LocalDate, Map<ForecastPollutant, double[]>> byDay = new HashMap<>();
                    for (CityRecords.HourlyConcentrations h : hours) {
                        Map<ForecastPollutant, double[]> day = byDay.computeIfAbsent(h.hour().toLocalDate(),
                                d -> new EnumMap<>(ForecastPollutant.class));
                        for (ForecastPollutant p : ForecastPollutant.values()) {
                            Double value = hourly(p, h);
                            if (value != null) {
                                day.computeIfAbsent(p, k -> DailyRecord.unknownHours())[h.hour().getHour()] = value;
                            }
                        }
                    }
                    return byDay;
                });
        return Uni.combine().all().unis(daily, hourlyMet, hourlyPollutants).asTuple().map(t -> {
            List<DailyRecord> days = new ArrayList<>();
            boolean demo = false;
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                CityRecords.CityDay stored = t.getItem1().get(d);
                DailyMet met = DayAccumulator.of(t.getItem2().getOrDefault(d, List.of())).toRecord(d).met();
                Map<ForecastPollutant, double[]> hourly = t.getItem3().getOrDefault(d, Map.of());
                Map<ForecastPollutant, DailyRecord.Concentration> pollutants = new EnumMap<>(ForecastPollutant.class);
                for (ForecastPollutant p : ForecastPollutant.values()) {
                    Double value = stored == null ? null : daily(p, stored);
                    if (value != null || hourly.containsKey(p)) {
                        pollutants.put(p, new DailyRecord.Concentration(value, hourly.get(p)));
                    }
                }
                days.add(new DailyRecord(d, met, pollutants));
                demo |= stored != null && stored.demo();
            }
            return new History(days, demo);
        });
    }

    private static Double daily(ForecastPollutant p, CityRecords.CityDay d) {
        return switch (p) {
            case PM2_5 -> d.pm2_5();
            case PM10 -> d.pm10();
            case O3_8H -> d.o3Max8h();
        };
    }

    private static Double hourly(ForecastPollutant p, CityRecords.HourlyConcentrations h) {
        return switch (p) {
            case PM2_5 -> h.pm2_5();
            case PM10 -> h.pm10();
            case O3_8H -> h.o3();
        };
    }

    private static HourAccumulator hourOf(CityRecords.HourlyWeather w) {
        HourAccumulator h = new HourAccumulator(w.hour().getHour());
        h.temperature.add(w.temperature());
        h.dewPoint.add(w.dewPoint());
        h.pressure.add(w.pressure());
        h.windSpeed.add(w.windSpeed());
        h.precipitation.add(w.precipitation());
        for (String d : w.windDirections()) {
            h.quadrant(InputFormat.quadrant(d.trim()));
        }
        return h;
    }

    Uni<Map<LocalDate, DailyMet>> metForecasts(String city, LocalDate from, LocalDate to) {
        return pool.preparedQuery("SELECT day, temperature, temperature_min, temperature_max, dew_point, humidity, "
                        + "pressure, wind_speed, wind_direction, precipitation FROM met_forecast "
                        + "WHERE city_code = $1 AND day BETWEEN $2 AND $3")
                .execute(Tuple.of(city, from, to)).map(rows -> {
                    Map<LocalDate, DailyMet> byDay = new LinkedHashMap<>();
                    rows.forEach(r -> byDay.put(r.getLocalDate(0), new MetForecastDay(r.getLocalDate(0),
                            r.getDouble(1), r.getDouble(2), r.getDouble(3), r.getDouble(4), r.getDouble(5),
                            r.getDouble(6), r.getDouble(7), r.getString(8), r.getDouble(9)).toDailyMet()));
                    return byDay;
                });
    }

    Uni<Integer> saveMetForecasts(String city, List<MetForecastDay> days) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Tuple> rows = days.stream().map(d -> Tuple.tuple(List.of(city, d.date())).addDouble(d.temperature())
                .addDouble(d.dewPoint()).addDouble(d.humidity()).addDouble(d.pressure()).addDouble(d.windSpeed())
                .addString(d.windDirection()).addDouble(d.precipitation()).addDouble(d.temperatureMin())
                .addDouble(d.temperatureMax()).addOffsetDateTime(now)).toList();
        return pool.withTransaction(c -> c.preparedQuery("""
                INSERT INTO met_forecast (city_code, day, temperature, dew_point, humidity, pressure, wind_speed,
                                          wind_direction, precipitation, temperature_min, temperature_max,
                                          received_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
                ON CONFLICT (city_code, day) DO UPDATE SET temperature = EXCLUDED.temperature,
                    temperature_min = EXCLUDED.temperature_min, temperature_max = EXCLUDED.temperature_max,
                    dew_point = EXCLUDED.dew_point, humidity = EXCLUDED.humidity, pressure = EXCLUDED.pressure,
                    wind_speed = EXCLUDED.wind_speed, wind_direction = EXCLUDED.wind_direction,
                    precipitation = EXCLUDED.precipitation, received_at = EXCLUDED.received_at""").executeBatch(rows))
                .map(ignored -> days.size());
    }

    /**
     * Stores a run and its days unless the city already has a run for this issue time.
     *
     * @return the new run's id, or null when one existed
     */
    Uni<Long> saveRun(String city, Instant issuedAt, LocalDate dataThrough, int issueHour, ForecastModel model,
                      String trigger, boolean demo, List<LeadForecast> days) {
        return pool.withTransaction(c -> c.preparedQuery(INSERT_RUN).execute(Tuple.tuple(List.of(city,
                        issuedAt.atOffset(ZoneOffset.UTC), dataThrough, model.id(), model.file().label(),
                        model.version(), trigger, demo, (short) issueHour)))
                .chain(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Uni.createFrom().nullItem();
                    }
                    long id = rows.iterator().next().getLong(0);
                    return insertDays(c, id, days).map(ignored -> id);
                }));
    }

    private static Uni<Void> insertDays(SqlConnection c, long runId, List<LeadForecast> days) {
        Tuple t = Tuple.of(runId);
        t.addArrayOfShort(days.stream().map(d -> (short) d.lead()).toArray(Short[]::new));
        t.addArrayOfLocalDate(days.stream().map(LeadForecast::date).toArray(LocalDate[]::new));
        t.addArrayOfString(days.stream().map(d -> d.withMeteorology() ? "forecast" : "none").toArray(String[]::new));
        t.addArrayOfDouble(days.stream().map(d -> d.distribution().expectedAqi()).toArray(Double[]::new));
        t.addArrayOfInteger(days.stream().map(d -> d.distribution().lowAqi()).toArray(Integer[]::new));
        t.addArrayOfInteger(days.stream().map(d -> d.distribution().highAqi()).toArray(Integer[]::new));
        t.addArrayOfDouble(days.stream().map(d -> d.distribution().pAbove200()).toArray(Double[]::new));
        t.addArrayOfDouble(days.stream().map(d -> d.distribution().pAbove300()).toArray(Double[]::new));
        t.addArrayOfDouble(days.stream().map(d -> d.distribution().pAtLeast500()).toArray(Double[]::new));
        t.addArrayOfBoolean(days.stream().map(d -> d.distribution().says200()).toArray(Boolean[]::new));
        t.addArrayOfBoolean(days.stream().map(d -> d.distribution().says300()).toArray(Boolean[]::new));
        t.addArrayOfString(days.stream().map(d -> d.distribution().primaryPollutant().name()).toArray(String[]::new));
        t.addArrayOfString(days.stream().map(d -> PollutantForecastView.toJson(d.distribution().subIndices()))
                .toArray(String[]::new));
        return c.preparedQuery(INSERT_DAYS).execute(t).replaceWithVoid();
    }

    /** The id of the city's run for an issue time. */
    Uni<Long> runId(String city, Instant issuedAt) {
        return pool.preparedQuery("SELECT id FROM forecast_run WHERE city_code = $1 AND issued_at = $2")
                .execute(Tuple.of(city, issuedAt.atOffset(ZoneOffset.UTC)))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getLong(0) : null);
    }

    /** A stored day's forecast: expected AQI, probabilities, the model's yes/no and the 80 % interval. */
    record StoredForecast(LocalDate day, double expectedAqi, double pAbove200, double pAbove300, Boolean saysAbove200,
                          Boolean saysAbove300, Integer lowAqi, Integer highAqi) {

        Prediction against(int observed) {
            return new Prediction(expectedAqi, observed, pAbove200, pAbove300, saysAbove200, saysAbove300, lowAqi,
                    highAqi);
        }
    }

    /** At one lead, the latest run's forecast of each day, by day. */
    Uni<List<StoredForecast>> latestForecasts(String city, int lead) {
        return pool.preparedQuery("""
                SELECT DISTINCT ON (fd.target_day) fd.target_day, fd.expected_aqi, fd.p_above_200, fd.p_above_300,
                       fd.says_above_200, fd.says_above_300, fd.low_aqi, fd.high_aqi
                FROM forecast_day fd JOIN forecast_run fr ON fr.id = fd.run_id
                WHERE fr.city_code = $1 AND fd.lead = $2
                ORDER BY fd.target_day, fr.issued_at DESC""").execute(Tuple.of(city, lead)).map(rows -> {
                    List<StoredForecast> list = new ArrayList<>();
                    rows.forEach(r -> list.add(new StoredForecast(r.getLocalDate(0), r.getDouble(1), r.getDouble(2),
                            r.getDouble(3), r.getBoolean(4), r.getBoolean(5), r.getInteger(6), r.getInteger(7))));
                    return list;
                });
    }

    static OffsetDateTime beijing(Instant instant) {
        return instant.atZone(BeijingTime.ZONE).toOffsetDateTime();
    }
}
