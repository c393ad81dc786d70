package io.airwarn.subscription;

import io.airwarn.city.Cities;
import io.airwarn.core.ApiException;
import io.airwarn.core.ClientNetworks;
import io.airwarn.core.MobileNumbers;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SubscriptionResource {

    /** A subscription request. */
    public record Request(String phone, String unit, String language, String code) {
    }

    private final SubscriptionService service;
    private final Cities cities;

    public SubscriptionResource(SubscriptionService service, Cities cities) {
        this.service = service;
        this.cities = cities;
    }

    @POST
    @Operation(summary = "Subscribe a mobile number to a unit's warnings", description = """
            {"phone": "+8613912345678" (or as typed: 13912345678), "unit": "220100", "language": "zh-CN" or "en"}. A confirmation code is sent
            by SMS at once; nothing else is sent until it is confirmed. Only mobile numbers of the configured
            countries (default +86). At most 3 codes per number and 10 per client network (/24, /64) an hour
            (429 beyond).""")
    public Uni<Response> subscribe(Request body, @Context HttpServerRequest http) {
        Request r = require(body);
        return service.subscribe(r.phone(), cities.requireCode(r.unit()), r.language(), client(http))
                .map(result -> Response.status(202).entity(result).build());
    }

    @POST
    @Path("/confirm")
    @Operation(summary = "Confirm a subscription with the code from the SMS", description = "An unknown number, a "
            + "wrong and an expired code get the same answer (status REJECTED); at most 20 attempts per client "
            + "network an hour (429 beyond).")
    public Uni<SubscriptionService.Result> confirm(Request body, @Context HttpServerRequest http) {
        Request r = require(body);
        return service.confirm(r.phone(), cities.requireCode(r.unit()), r.code(), client(http));
    }

    @POST
    @Path("/opt-out")
    @Operation(summary = "Opt out on the web: a code goes to the number; confirm it at /opt-out/confirm",
            description = "Replying STOP, TD or 退订 to any message opts out at once.")
    public Uni<Response> optOut(Request body, @Context HttpServerRequest http) {
        Request r = require(body);
        return service.requestOptOut(r.phone(), cities.requireCode(r.unit()), client(http))
                .map(result -> Response.status(202).entity(result).build());
    }

    @POST
    @Path("/opt-out/confirm")
    @Operation(summary = "Confirm a web opt-out with the code from the SMS")
    public Uni<SubscriptionService.Result> confirmOptOut(Request body, @Context HttpServerRequest http) {
        Request r = require(body);
        return service.confirmOptOut(r.phone(), cities.requireCode(r.unit()), r.code(), client(http));
    }

    /** The request with its number as people type it read in E.164 (13912345678 is +8613912345678). */
    private static Request require(Request body) {
        if (body == null || body.phone() == null || body.unit() == null) {
            throw ApiException.badRequest("invalid_request", "phone and unit are required");
        }
        return new Request(MobileNumbers.asTyped(body.phone()), body.unit(), body.language(), body.code());
    }

    /** The client's network: one host easily holds several IPv4 addresses of a /24 and a whole IPv6 /64. */
    private static String client(HttpServerRequest http) {
        return ClientNetworks.of(http.remoteAddress() == null ? null : http.remoteAddress().hostAddress(), 24, 64);
    }
}
