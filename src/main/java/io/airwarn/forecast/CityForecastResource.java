package io.airwarn.forecast;

import com.fasterxml.jackson.databind.JsonNode;
import io.airwarn.city.Cities;
import io.airwarn.core.ApiException;
import io.airwarn.core.BeijingTime;
import io.airwarn.core.InvalidFileException;
import io.airwarn.core.Roles;
import io.airwarn.core.SaneDates;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestQuery;

/** A city's forecasts, its weather forecasts and its own model. */
@Path("/api/cities")
@Produces(MediaType.APPLICATION_JSON)
public class CityForecastResource {

    static final int DEFAULT_HISTORY_DAYS = 30;
    static final int MAX_HISTORY_DAYS = 366;

    /** What a weather-forecast upload stored. */
    public record MetForecastReceipt(String city, int days) {
    }

    private final ForecastService service;
    private final ForecastRunRepository runs;
    private final ForecastStore store;
    private final Cities cities;
    private final Clock clock;

    public CityForecastResource(ForecastService service, ForecastRunRepository runs, ForecastStore store,
                                Cities cities, Clock clock) {
        this.service = service;
        this.runs = runs;
        this.store = store;
        this.cities = cities;
        this.clock = clock;
    }

    @GET
    @Path("/{code}/forecast")
    @Operation(summary = "A city's latest forecast", description = "Leads 1-7 from the latest day with data: "
            + "expected AQI, 80 % interval, P(AQI > 200), P(AQI > 300), P(AQI >= 500), category, and whether a "
            + "weather forecast was used. Dates are Beijing days.")
    public Uni<ForecastView> latest(@PathParam("code") String code) {
        String city = cities.requireCode(code);
        return runs.latest(city).map(run -> {
            if (run == null) {
                throw ApiException.notFound("no_forecast", "city " + city + " has no forecast yet; POST "
                        + "/api/forecast/run?city=" + city + " makes one");
            }
            return ForecastView.of(run);
        });
    }

    @GET
    @Path("/{code}/forecast/history")
    @Operation(summary = "A city's past forecasts", description = "Runs issued from `from` to `to` (Beijing days, "
            + "inclusive; default the last 30 days), newest first.")
    public Uni<List<ForecastView>> history(@PathParam("code") String code, @RestQuery String from,
                                           @RestQuery String to) {
        String city = cities.requireCode(code);
        LocalDate last = to == null ? LocalDate.now(clock.withZone(BeijingTime.ZONE)) : date("to", to);
        LocalDate first = from == null ? last.minusDays(DEFAULT_HISTORY_DAYS) : date("from", from);
        if (first.isAfter(last) || ChronoUnit.DAYS.between(first, last) > MAX_HISTORY_DAYS) {
            throw ApiException.badRequest("invalid_range", "from must not be after to, and the range may span at "
                    + "most " + MAX_HISTORY_DAYS + " days");
        }
        return runs.issuedBetween(city, BeijingTime.toOffset(first.atStartOfDay()),
                BeijingTime.toOffset(last.plusDays(1).atStartOfDay())).map(list -> list.stream()
                .map(ForecastView::of).toList());
    }

    @POST
    @Path("/{code}/forecast/model")
    @RolesAllowed({Roles.DUTY_OFFICER, Roles.ADMIN})
    @Blocking
    @Operation(summary = "Refit a city's own model from its stored observations", description = "Fits on all "
            + "stored days (at least 365 with a daily PM2.5; units with fewer use the regional model), validates on "
            + "the latest quarter (at most a year) by rolling origin, writes forecast-models/{code}.yaml and loads "
            + "it. heatingSeason: MM-DD..MM-DD or none.")
    public Uni<ForecastModelRegistry.Report> refit(@PathParam("code") String code, @RestQuery String heatingSeason) {
        String city = cities.requireCode(code);
        Predictors.HeatingSeason heating = badRequestOn(() -> Predictors.HeatingSeason.parse(heatingSeason));
        return service.refit(city, heating, "Fitted on the stored observations of " + city)
                .onFailure(IllegalArgumentException.class).transform(e -> ApiException.badRequest("cannot_fit",
                        e.getMessage()));
    }

    @POST
    @Path("/{code}/met-forecast")
    @RolesAllowed({Roles.DUTY_OFFICER, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Post a weather forecast (JSON)", description = """
            An array of days {"date": "YYYY-MM-DD", "temperature": °C (daily mean), "temperatureMin": °C,
            "temperatureMax": °C, "dewPoint": °C, "humidity": %,
            "pressure": hPa, "windSpeed": m/s, "windDirection": "NW" (compass point or calm),
            "precipitation": mm}. Missing fields are null or absent. A day posted again replaces the earlier one.""")
    public Uni<MetForecastReceipt> metForecastJson(@PathParam("code") String code, JsonNode body) {
        String city = cities.requireCode(code);
        List<MetForecastDay> days = badRequestOn(() -> MetForecastReader.fromJson(body));
        return store.saveMetForecasts(city, days).map(n -> new MetForecastReceipt(city, n));
    }

    @POST
    @Path("/{code}/met-forecast")
    @RolesAllowed({Roles.DUTY_OFFICER, Roles.ADMIN})
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "Post a weather forecast (CSV)", description = "A header naming the JSON fields, one "
            + "line per day.")
    public Uni<MetForecastReceipt> metForecastCsv(@PathParam("code") String code, byte[] body) {
        String city = cities.requireCode(code);
        List<MetForecastDay> days = badRequestOn(() -> MetForecastReader.fromCsv(body == null ? new byte[0] : body));
        return store.saveMetForecasts(city, days).map(n -> new MetForecastReceipt(city, n));
    }

    private static LocalDate date(String name, String value) {
        return SaneDates.date(name, value);
    }

    static <T> T badRequestOn(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (MetForecastReader.InvalidDays e) {
            throw ApiException.badRequest("invalid_met_forecast", e.getMessage(), e.problems());
        } catch (IllegalArgumentException | InvalidFileException e) {
            throw ApiException.badRequest("invalid_request", e.getMessage());
        }
    }
}
