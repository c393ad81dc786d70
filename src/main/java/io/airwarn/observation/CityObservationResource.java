package io.airwarn.observation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.airwarn.aqi.AqiCategory;
import io.airwarn.aqi.AqiItem;
import io.airwarn.aqi.AqiStandards;
import io.airwarn.aqi.BreakpointTable;
import io.airwarn.aqi.CategoryView;
import io.airwarn.city.Cities;
import io.airwarn.core.ApiException;
import io.airwarn.core.BeijingTime;
import io.airwarn.core.SaneDates;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/cities")
@Produces(MediaType.APPLICATION_JSON)
public class CityObservationResource {

    static final int DEFAULT_DAYS = 31;
    static final int MAX_DAYS = 3660;
    static final int DEFAULT_HOURS = 48;
    static final int MAX_HOURLY_DAYS = 93;

    private final Cities cities;
    private final CityDailyAqiRepository daily;
    private final CityHourlyAqiRepository hourly;
    private final StationRepository stations;
    private final AqiStandards standards;
    private final ObjectMapper json;
    private final FlaggedCounts flagged;

    public CityObservationResource(Cities cities, CityDailyAqiRepository daily, CityHourlyAqiRepository hourly,
                                   StationRepository stations, AqiStandards standards, ObjectMapper json,
                                   FlaggedCounts flagged) {
        this.flagged = flagged;
        this.cities = cities;
        this.standards = standards;
        this.daily = daily;
        this.hourly = hourly;
        this.stations = stations;
        this.json = json;
    }

    @GET
    @Path("/{code}/stations")
    @Operation(summary = "A city's monitoring stations and where their data come from",
            description = "demo is true for stations that replay data from elsewhere (the demo data set).")
    public Uni<List<StationView>> stations(@PathParam("code") String code) {
        return stations.ofCity(cities.requireCode(code)).map(list -> list.stream().map(StationView::of).toList());
    }

    @GET
    @Path("/{code}/aqi/daily")
    @Operation(summary = "A city's daily AQI (HJ 633 daily report)", description = """
            Days are Beijing calendar days (Asia/Shanghai), from and to inclusive (YYYY-MM-DD). Without them: the
            last 31 days that have data. Each value has its category, primary and exceeding pollutants, the
            concentrations (24 h means; O3_1H and O3_8H are the daily maxima) and their completeness: a 24 h mean
            needs 20 valid hours, the daily maximum 8 h O3 14 valid 8 h means. flagged counts, per pollutant, the
            station values the data-quality rules left out of the day.""")
    public Uni<List<CityAqiView>> daily(@PathParam("code") String code,
                                        @Parameter(description = "first day, YYYY-MM-DD") @RestQuery String from,
                                        @Parameter(description = "last day, YYYY-MM-DD") @RestQuery String to) {
        String city = cities.requireCode(code);
        LocalDate first = from == null ? null : date("from", from);
        LocalDate last = to == null ? null : date("to", to);
        Uni<LocalDate> end = last != null ? Uni.createFrom().item(last)
                : first != null ? Uni.createFrom().item(first.plusDays(DEFAULT_DAYS - 1)) : daily.latestDay(city);
        return end.chain(endDay -> {
            if (endDay == null) {
                return Uni.createFrom().item(List.of());
            }
            LocalDate startDay = first != null ? first : endDay.minusDays(DEFAULT_DAYS - 1);
            checkRange(startDay.atStartOfDay(), endDay.atStartOfDay(), MAX_DAYS);
            Uni<Map<String, Map<String, Long>>> flags = flagged.between(city,
                    BeijingTime.toOffset(startDay.atStartOfDay()), BeijingTime.toOffset(endDay.plusDays(1)
                            .atStartOfDay()), true);
            return Uni.combine().all().unis(daily.between(city, startDay, endDay), flags).asTuple()
                    .map(t -> t.getItem1().stream().map(r -> view(r, t.getItem2())).toList());
        });
    }

    @GET
    @Path("/{code}/aqi/hourly")
    @Operation(summary = "A city's hourly AQI (HJ 633 real-time report)", description = """
            Hours are Beijing time (Asia/Shanghai). from and to are inclusive and take a date (YYYY-MM-DD, meaning
            the whole day) or a date-time (YYYY-MM-DDTHH:MM). Without them: the last 48 hours that have data.
            1 h items carry the number of stations behind them; moving means (SO2_24H, O3_8H and, under HJ633-2012,
            PM10_24H and PM2_5_24H) the number of valid hours. PM10_1H and PM2_5_1H are the plain hourly means.
            flagged counts, per pollutant, the station values the data-quality rules left out of the hour.""")
    public Uni<List<CityAqiView>> hourly(@PathParam("code") String code,
                                         @Parameter(description = "first hour or day") @RestQuery String from,
                                         @Parameter(description = "last hour or day") @RestQuery String to) {
        String city = cities.requireCode(code);
        LocalDateTime first = from == null ? null : hour("from", from, false);
        LocalDateTime last = to == null ? null : hour("to", to, true);
        Uni<LocalDateTime> end = last != null ? Uni.createFrom().item(last)
                : first != null ? Uni.createFrom().item(first.plusHours(DEFAULT_HOURS - 1))
                : hourly.latestHour(city).map(h -> h == null ? null : BeijingTime.toLocal(h));
        return end.chain(endHour -> {
            if (endHour == null) {
                return Uni.createFrom().item(List.of());
            }
            LocalDateTime startHour = first != null ? first : endHour.minusHours(DEFAULT_HOURS - 1);
            checkRange(startHour, endHour, MAX_HOURLY_DAYS);
            OffsetDateTime start = BeijingTime.toOffset(startHour);
            OffsetDateTime endExclusive = BeijingTime.toOffset(endHour.plusHours(1));
            return Uni.combine().all().unis(hourly.between(city, start, endExclusive),
                            flagged.between(city, start, endExclusive, false)).asTuple()
                    .map(t -> t.getItem1().stream().map(r -> view(r, t.getItem2())).toList());
        });
    }


    private static void checkRange(LocalDateTime from, LocalDateTime to, int maxDays) {
        if (from.isAfter(to)) {
            throw ApiException.badRequest("invalid_range", "from " + from + " is after to " + to);
        }
        if (ChronoUnit.DAYS.between(from, to) >= maxDays) {
            throw ApiException.badRequest("invalid_range", "the range may span at most " + maxDays + " days");
        }
    }

    private static LocalDate date(String name, String value) {
        return SaneDates.date(name, value);
    }

    /** A date-time, or a date meaning its first hour ({@code from}) or its last hour ({@code to}). */
    private static LocalDateTime hour(String name, String value, boolean endOfDay) {
        if (value != null && value.contains("T")) {
            return SaneDates.dateTime(name, value).truncatedTo(ChronoUnit.HOURS);
        } else {
            LocalDate day = date(name, value);
            return endOfDay ? day.atTime(23, 0) : day.atStartOfDay();
        }
    }

    private CityAqiView view(CityDailyAqi row, Map<String, Map<String, Long>> flags) {
        Map<String, Double> concentrations = new LinkedHashMap<>();
        putIfPresent(concentrations, AqiItem.SO2_24H.name(), row.so2);
        putIfPresent(concentrations, AqiItem.NO2_24H.name(), row.no2);
        putIfPresent(concentrations, AqiItem.PM10_24H.name(), row.pm10);
        putIfPresent(concentrations, AqiItem.CO_24H.name(), row.co);
        putIfPresent(concentrations, AqiItem.O3_1H.name(), row.o3MaxHour);
        putIfPresent(concentrations, AqiItem.O3_8H.name(), row.o3MaxEightHours);
        putIfPresent(concentrations, AqiItem.PM2_5_24H.name(), row.pm2_5);
        return view(row, row.cityCode, row.day.toString(), null, concentrations, CityAggregation::dailyCompleteness,
                flags.getOrDefault(row.day.toString(), Map.of()));
    }

    private CityAqiView view(CityHourlyAqi row, Map<String, Map<String, Long>> flags) {
        Map<String, Double> concentrations = new LinkedHashMap<>();
        putIfPresent(concentrations, AqiItem.SO2_1H.name(), row.so2);
        putIfPresent(concentrations, AqiItem.SO2_24H.name(), row.so2Moving24h);
        putIfPresent(concentrations, AqiItem.NO2_1H.name(), row.no2);
        putIfPresent(concentrations, AqiItem.CO_1H.name(), row.co);
        putIfPresent(concentrations, AqiItem.O3_1H.name(), row.o3);
        putIfPresent(concentrations, AqiItem.O3_8H.name(), row.o3Moving8h);
        putIfPresent(concentrations, AqiItem.PM10_24H.name(), row.pm10ForAqi);
        putIfPresent(concentrations, AqiItem.PM2_5_24H.name(), row.pm2_5ForAqi);
        putIfPresent(concentrations, "PM10_1H", row.pm10);
        putIfPresent(concentrations, "PM2_5_1H", row.pm2_5);
        OffsetDateTime time = row.observedAt.atZoneSameInstant(BeijingTime.ZONE).toOffsetDateTime();
        BreakpointTable table = standards.find(row.standard).orElseThrow(() -> new IllegalStateException(
                "stored AQI of " + row.cityCode + " uses the unknown standard " + row.standard));
        return view(row, row.cityCode, null, time.toString(), concentrations,
                (item, valid) -> CityAggregation.hourlyCompleteness(table, item, valid),
                flags.getOrDefault(time.toLocalDateTime().toString(), Map.of()));
    }

    private CityAqiView view(StoredCityAqi row, String city, String date, String time,
                             Map<String, Double> concentrations, BiFunction<AqiItem, Integer, Completeness> rule,
                             Map<String, Long> flagged) {
        Map<String, Completeness> completeness = new LinkedHashMap<>();
        parse(row.completeness).fields().forEachRemaining(e ->
                completeness.put(e.getKey(), rule.apply(AqiItem.valueOf(e.getKey()), e.getValue().asInt())));
        return new CityAqiView(city, date, time, row.aqi, category(row.category), names(row.primaryPollutants),
                names(row.exceedingPollutants), parse(row.iaqi), concentrations, completeness, flagged, row.standard,
                row.demo);
    }

    private static CategoryView category(Short level) {
        return level == null ? null : CategoryView.of(AqiCategory.ofLevel(level));
    }

    private static List<String> names(String stored) {
        return ItemList.parse(stored).stream().map(AqiItem::name).toList();
    }

    private static void putIfPresent(Map<String, Double> values, String key, Double value) {
        if (value != null) {
            values.put(key, value);
        }
    }

    private JsonNode parse(String stored) {
        try {
            return json.readTree(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON cannot be read: " + stored, e);
        }
    }
}
