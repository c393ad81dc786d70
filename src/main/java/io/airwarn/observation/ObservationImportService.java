package io.airwarn.observation;

import io.airwarn.aqi.AqiStandards;
import io.airwarn.aqi.BreakpointTable;
import io.airwarn.core.AirWarnConfig;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stores station observations and recomputes the affected city AQI in the same transaction: either the whole
 * request is stored with its city AQI, or nothing is.
 */
@ApplicationScoped
public class ObservationImportService {

    /** Observations of one station, with where they came from. */
    public record StationImport(StationKey station, String source, boolean demo, List<HourlyObservation> rows) {
    }

    /** The city AQI a request recomputed. */
    public record CityRecomputation(String cityCode, LocalDate from, LocalDate to, int hours, int days) {
    }

    private final Pool pool;
    private final ObservationStore observations;
    private final CityAqiStore cityAqi;
    private final BreakpointTable table;
    private final boolean qualityRules;
    private final ObservationMeters meters;

    ObservationImportService(Pool pool, ObservationStore observations, CityAqiStore cityAqi, AqiStandards standards,
                             AirWarnConfig config, ObservationMeters meters) {
        this.meters = meters;
        this.qualityRules = config.qualityRules();
        this.pool = pool;
        this.observations = observations;
        this.cityAqi = cityAqi;
        this.table = standards.defaultTable();
    }

    public Uni<List<CityRecomputation>> store(List<StationImport> imports) {
        Map<String, HourRange> rangeByCity = new TreeMap<>();
        for (StationImport i : imports) {
            for (HourlyObservation o : i.rows()) {
                rangeByCity.merge(i.station().cityCode(), new HourRange(o.hour(), o.hour()), HourRange::span);
            }
        }
        if (rangeByCity.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return pool.withTransaction(connection -> {
            // Cities are locked in a fixed order so two concurrent imports cannot deadlock.
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (String city : rangeByCity.keySet()) {
                chain = chain.chain(() -> observations.lockCity(connection, city));
            }
            for (StationImport i : imports) {
                if (!i.rows().isEmpty()) {
                    chain = chain.chain(() -> {
                        long started = System.nanoTime();
                        return observations.upsertStation(connection, i.station(), i.source(), i.demo())
                                .chain(id -> observations.upsertObservations(connection, id, i.rows()))
                                .invoke(() -> Log.debugf("station %s: %d rows stored in %d ms", i.station(),
                                        i.rows().size(), millis(started, System.nanoTime())));
                    });
                }
            }
            if (qualityRules) {
                for (Map.Entry<String, HourRange> city : rangeByCity.entrySet()) {
                    chain = chain.chain(() -> flag(connection, city.getKey(), city.getValue()));
                }
            }
            List<CityRecomputation> results = new ArrayList<>();
            for (Map.Entry<String, HourRange> city : rangeByCity.entrySet()) {
                chain = chain.chain(() -> recompute(connection, city.getKey(), city.getValue().first().toLocalDate(),
                        city.getValue().last().toLocalDate()).invoke(results::add).replaceWithVoid());
            }
            return chain.map(ignored -> List.copyOf(results));
        }).invoke(() -> imports.forEach(i -> meters.received(i.station().cityCode(), i.rows().size())));
    }

    /**
     * Runs the quality rules over the imported hours and a day either side (a spike needs its neighbours, a stuck
     * run may straddle the edge) and stores their flags, before the city AQI is recomputed without the flagged values.
     */
    private Uni<Void> flag(SqlConnection connection, String cityCode, HourRange range) {
        LocalDateTime from = range.first().minusDays(1);
        LocalDateTime to = range.last().plusDays(1);
        return observations.cityStations(connection, cityCode, from, to)
                .chain(stations -> {
                    List<QualityFlag> flags = QualityRules.check(stations);
                    return observations.replaceFlags(connection, cityCode, from, to, flags)
                            .invoke(() -> meters.flagged(flags));
                });
    }

    /** Recomputes a city's AQI over some days in its own transaction, as after an officer's quality decision. */
    public Uni<CityRecomputation> recompute(String cityCode, LocalDate from, LocalDate to) {
        return pool.withTransaction(connection -> observations.lockCity(connection, cityCode)
                .chain(() -> recompute(connection, cityCode, from, to)));
    }

    /**
     * Recomputes a city's daily AQI for [from, to] and the hourly AQI those days' data can influence (moving means
     * reach 23 hours past the last day).
     */
    private Uni<CityRecomputation> recompute(SqlConnection connection, String cityCode, LocalDate from, LocalDate to) {
        LocalDateTime hourlyFrom = from.atStartOfDay();
        LocalDateTime hourlyTo = to.plusDays(2).atStartOfDay();
        long started = System.nanoTime();
        return observations.citySeries(connection, cityCode, hourlyFrom.minusDays(1), hourlyTo)
                .chain(series -> {
                    long read = System.nanoTime();
                    List<CityAqiReport> hourly = CityAggregation.hourly(table, series, hourlyFrom, hourlyTo);
                    List<CityAqiReport> daily = CityAggregation.daily(table, series, from, to);
                    long computed = System.nanoTime();
                    return cityAqi.replaceHourly(connection, cityCode, table.id(), hourlyFrom, hourlyTo, hourly)
                            .chain(() -> cityAqi.replaceDaily(connection, cityCode, table.id(), from, to, daily))
                            .invoke(() -> Log.debugf("city %s AQI %s..%s: series read %d ms, computed %d ms, "
                                    + "written %d ms", cityCode, from, to, millis(started, read),
                                    millis(read, computed), millis(computed, System.nanoTime())))
                            .map(ignored -> new CityRecomputation(cityCode, from, to, hourly.size(), daily.size()));
                });
    }

    private static long millis(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }

    private record HourRange(LocalDateTime first, LocalDateTime last) {
        HourRange span(HourRange other) {
            return new HourRange(first.isBefore(other.first) ? first : other.first,
                    last.isAfter(other.last) ? last : other.last);
        }
    }
}
