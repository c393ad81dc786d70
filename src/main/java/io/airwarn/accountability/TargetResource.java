package io.airwarn.accountability;

import io.airwarn.core.ApiException;
import io.airwarn.core.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestQuery;

/** Progress against the provincial targets (public), and the officials' baseline values. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class TargetResource {

    private final TargetService service;
    private final SecurityIdentity identity;

    public TargetResource(TargetService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @Path("/public/targets")
    @Operation(summary = "Progress of every unit and the province against the provincial targets in a year",
            description = "Each target with the year's statistic, the status (ON_TRACK, BEHIND, MET, NOT_MET, "
                    + "DECLINING, NOT_DECLINING, BASELINE_MISSING, INSUFFICIENT_DATA) and the arithmetic.")
    public Uni<TargetService.Report> targets(@RestQuery String year) {
        if (year == null || !year.matches("20\\d\\d")) {
            throw ApiException.badRequest("invalid_year", "year must be a year from 2000 to 2099, e.g. year=2015");
        }
        return service.report(Integer.parseInt(year));
    }

    @PUT
    @Path("/targets/baselines")
    @RolesAllowed({Roles.ADMIN, Roles.COMMANDER})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Enter a target's baseline value (admin, commander; audited)", description = "Body "
            + "{\"unit\": \"220100\" or \"province\", \"pollutant\": \"PM10\", \"year\": 2012, \"value\": 120.0, "
            + "\"source\": \"the document the value comes from\"}.")
    public Uni<TargetService.Baseline> baseline(TargetService.Baseline body) {
        return service.enterBaseline(body, identity.getPrincipal().getName());
    }
}
