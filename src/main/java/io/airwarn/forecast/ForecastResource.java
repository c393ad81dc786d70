package io.airwarn.forecast;

import io.airwarn.city.Cities;
import io.airwarn.core.ApiException;
import io.airwarn.core.Roles;
import io.airwarn.core.SaneDates;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestQuery;

/** Forecast runs, verification and the models in use. */
@Path("/api/forecast")
@Produces(MediaType.APPLICATION_JSON)
public class ForecastResource {

    private final ForecastService service;
    private final ForecastVerification verification;
    private final ForecastModelRegistry models;
    private final Cities cities;
    private final Clock clock;

    public ForecastResource(ForecastService service, ForecastVerification verification, ForecastModelRegistry models,
                            Cities cities, Clock clock) {
        this.service = service;
        this.verification = verification;
        this.models = models;
        this.cities = cities;
        this.clock = clock;
    }

    @POST
    @Path("/run")
    @RolesAllowed({Roles.DUTY_OFFICER, Roles.ADMIN})
    @Operation(summary = "Run the forecast now", description = "For one city (city=) or every city with data. "
            + "The issue time is the current minute; a second request for the same issue time stores nothing new. "
            + "issuedAt (ISO-8601 with offset) replays a past issue time: the forecast then uses only data before "
            + "that day, which is how forecasts are back-tested and verified on historical data.")
    public Uni<List<ForecastService.Outcome>> run(@RestQuery String city, @RestQuery String issuedAt) {
        Instant issued = issuedAt == null ? clock.instant() : instant(issuedAt);
        String trigger = issuedAt == null ? "on-demand" : "replay";
        if (city == null || city.isBlank()) {
            return service.runAll(issued, trigger);
        }
        return service.run(cities.requireCode(city), issued, trigger).map(List::of);
    }

    private Instant instant(String value) {
        Instant instant = SaneDates.offsetDateTime("issuedAt", value).toInstant();
        if (instant.isAfter(clock.instant())) {
            throw ApiException.badRequest("invalid_parameter", "issuedAt " + value + " is in the future");
        }
        return instant;
    }

    @GET
    @Path("/verification")
    @Operation(summary = "How a city's stored forecasts verified", description = "Stored forecasts at one lead "
            + "(default 1) scored against the observed city daily AQI: RMSE, MAE, bias, level accuracy, "
            + "POD/FAR/CSI and Brier skill for AQI > 200 and > 300.")
    public Uni<VerificationView> verification(@RestQuery String city, @RestQuery Integer lead) {
        if (city == null || city.isBlank()) {
            throw ApiException.badRequest("missing_parameter", "city is required");
        }
        String code = cities.requireCode(city);
        int l = lead == null ? 1 : lead;
        if (l < 1 || l > ForecastModel.MAX_LEAD) {
            throw ApiException.badRequest("invalid_parameter", "lead must lie in 1.." + ForecastModel.MAX_LEAD);
        }
        return verification.verify(code, l);
    }

    @GET
    @Path("/models")
    @Operation(summary = "The forecast models in use and any model file that could not be loaded")
    public ForecastModelRegistry.Report models() {
        return models.report();
    }

    @POST
    @Path("/models/reload")
    @RolesAllowed({Roles.DUTY_OFFICER, Roles.ADMIN})
    @Blocking
    @Operation(summary = "Read the model files again", description = "A broken file is reported and the model it "
            + "would have replaced stays in use.")
    public ForecastModelRegistry.Report reload() {
        return models.reload();
    }

    @POST
    @Path("/models/regional")
    @RolesAllowed({Roles.DUTY_OFFICER, Roles.ADMIN})
    @Blocking
    @Operation(summary = "Refit the regional model from every unit's stored observations", description = "One model "
            + "fitted on the stored days of all units with data together, validated on the latest quarter (at most "
            + "a year) by rolling origin, written as forecast-models/regional.yaml and loaded; units without a model "
            + "of their own are forecast with it. heatingSeason: MM-DD..MM-DD or none.")
    public Uni<ForecastModelRegistry.Report> refitRegional(@RestQuery String heatingSeason) {
        Predictors.HeatingSeason heating = CityForecastResource.badRequestOn(
                () -> Predictors.HeatingSeason.parse(heatingSeason));
        return service.refitRegional(heating).onFailure(IllegalArgumentException.class)
                .transform(e -> ApiException.badRequest("cannot_fit", e.getMessage()));
    }
}
