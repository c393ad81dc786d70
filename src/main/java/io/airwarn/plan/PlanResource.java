package io.airwarn.plan;

import io.airwarn.city.Cities;
import io.airwarn.core.ApiException;
import io.airwarn.core.Roles;
import io.quarkus.security.identity.SecurityIdentity;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/plans")
@Produces(MediaType.APPLICATION_JSON)
public class PlanResource {

    static final int MAX_LISTED_PROBLEMS = 100;

    private final PlanRegistry registry;
    private final ActivationService activations;
    private final Cities cities;
    private final SecurityIdentity identity;

    public PlanResource(PlanRegistry registry, ActivationService activations, Cities cities,
                        SecurityIdentity identity) {
        this.identity = identity;
        this.registry = registry;
        this.activations = activations;
        this.cities = cities;
    }

    @GET
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Every plan folder: version, checksum, validity, the version in use, counts of problems")
    public List<PlanViews.Summary> list() {
        PlanCatalog catalog = registry.catalog();
        return catalog.reports().stream().map(r -> PlanViews.Summary.of(r, catalog)).toList();
    }

    @GET
    @RolesAllowed(Roles.STAFF)
    @Path("/{unit}")
    @Operation(summary = "A unit's plan in use with its validation report (problems, reduction check)")
    public PlanViews.Detail plan(@PathParam("unit") String unit) {
        String code = cities.requireCode(unit);
        PlanReport latest = registry.catalog().reports().stream().filter(r -> code.equals(r.unit())).findFirst()
                .orElse(null);
        if (registry.catalog().plan(code).isEmpty() && latest != null) {
            throw new ApiException(404, "no_valid_plan", "unit " + code + " has no valid plan; the latest version ("
                    + latest.folder() + ") was refused with " + latest.errors() + " errors",
                    latest.problems().stream().limit(MAX_LISTED_PROBLEMS).map(PlanProblem::toString).toList());
        }
        return PlanViews.Detail.of(activations.plan(code), latest);
    }

    @POST
    @Path("/{unit}/preview")
    @RolesAllowed(Roles.STAFF)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The orders an activation would produce, without storing anything", description = """
            Body {"level": NONE|BLUE|YELLOW|ORANGE|RED, "previousLevel": (default NONE), "responseStart":
            "2026-12-01T07:00+08:00", "exercise": false}. Returns counts per recipient type and kind, the
            level's cuts against the national minimum, the SMS cost (messages including confirmed subscribers,
            segments, and messages over their segment budget), and every order.""")
    public Uni<PlanViews.Preview> preview(@PathParam("unit") String unit, ActivationRequest body) {
        return activations.preview(cities.requireCode(unit), requireBody(body).toRequest());
    }

    @POST
    @Path("/{unit}/activations")
    @RolesAllowed({Roles.COMMANDER, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start an exercise of the plan: compute and store its exercise orders (commander, admin)",
            description = "The same body as the preview, with \"exercise\": true (a JSON boolean; anything else is "
                    + "400). Real orders come only from an approved warning. The exercise names who started it and "
                    + "is audited. Repeating it stores nothing new and returns the first one's id.")
    public Uni<ActivationService.Outcome> activate(@PathParam("unit") String unit, ActivationRequest body) {
        return activations.exercise(cities.requireCode(unit), requireBody(body).toRequest(),
                identity.getPrincipal().getName());
    }

    @POST
    @Path("/reload")
    @Blocking
    @Operation(summary = "Read and validate the plan folders again", description = "An invalid plan does not "
            + "replace the unit's last valid one; its report says why.")
    @RolesAllowed(Roles.ADMIN)
    public Uni<List<PlanViews.Summary>> reload() {
        return registry.reload(identity.getPrincipal().getName()).map(catalog -> catalog.reports().stream()
                .map(r -> PlanViews.Summary.of(r, catalog)).toList());
    }

    private static ActivationRequest requireBody(ActivationRequest body) {
        if (body == null) {
            throw ApiException.badRequest("invalid_request", "a JSON body with level and responseStart is required");
        }
        return body;
    }

}
