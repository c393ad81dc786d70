package io.airwarn.warning;

import com.fasterxml.jackson.databind.JsonNode;
import io.airwarn.city.Cities;
import io.airwarn.core.ApiException;
import io.airwarn.core.Roles;
import io.airwarn.core.SaneDates;
import io.airwarn.notify.DeliveryReport;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/warnings")
@Produces(MediaType.APPLICATION_JSON)
public class WarningResource {

    static final int MAX_DAYS = 31;

    /** The reply of evaluate: the level, and the run that set it. */
    public record EvaluationView(String level, String onset, int days, String reason) {
    }

    private final CriteriaConfig criteria;
    private final WarningService service;
    private final WarningQueries queries;
    private final Cities cities;
    private final SecurityIdentity identity;
    private final ProposalService proposals;
    private final EpisodeReportService reports;
    private final Template episodeReport;

    public WarningResource(CriteriaConfig criteria, WarningService service, WarningQueries queries, Cities cities,
                           SecurityIdentity identity, ProposalService proposals, EpisodeReportService reports,
                           Template episodeReport) {
        this.proposals = proposals;
        this.reports = reports;
        this.episodeReport = episodeReport;
        this.criteria = criteria;
        this.service = service;
        this.queries = queries;
        this.cities = cities;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Warnings, newest first", description = "Filters: city, state (DRAFT, SUBMITTED, ISSUED, "
            + "CHANGE_SUBMITTED, LIFTED, CANCELLED), exercise.")
    public Uni<List<Warning>> list(@RestQuery String city, @RestQuery String state, @RestQuery Boolean exercise) {
        String code = city == null ? null : cities.requireCode(city);
        String s = state == null ? null : stateName(state);
        return queries.list(code, s, exercise);
    }

    @GET
    @Path("/proposals")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Proposals raised by the forecasts (status OPEN by default; ALL for every status)",
            description = "A city's proposal carries its evidence: the forecast days with probabilities, the criteria "
                    + "clause and the forecast's recent verification. Regional proposals list their units.")
    public Uni<List<ProposalService.Proposal>> proposals(@RestQuery String status) {
        String s = status == null ? "OPEN" : status.equalsIgnoreCase("ALL") ? null : status.toUpperCase(Locale.ROOT);
        return proposals.list(s);
    }

    @GET
    @Path("/{id}/delivery")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Where a warning's messages stand", description = "Per recipient type: messages by status "
            + "(QUEUED, SENDING, SENT, DELIVERED, UNDELIVERED, FAILED, RETRY, UNKNOWN, CANCELLED) and failures by "
            + "Twilio error code.")
    public Uni<Map<String, DeliveryReport.Summary>> delivery(@PathParam("id") long id) {
        return queries.delivery(id);
    }

    @GET
    @Path("/{id}/report")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "The episode report of a warning (JSON)", description = "Duration and levels, observed AQI "
            + "against the forecast at issue, lead time, orders per recipient type, estimated cuts, narrative. "
            + "complete is false while the warning is in force.")
    public Uni<EpisodeReport> report(@PathParam("id") long id) {
        return reports.report(id);
    }

    @GET
    @Path("/{id}/report.html")
    @RolesAllowed(Roles.STAFF)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The episode report as a printable page")
    public Uni<TemplateInstance> reportPage(@PathParam("id") long id) {
        return reports.report(id).map(r -> episodeReport.data("r", r));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "A warning with its history (each action, who, when, why, and the activation it caused)")
    public Uni<WarningQueries.WarningView> get(@PathParam("id") long id) {
        return queries.view(id);
    }

    @POST
    @RolesAllowed(Roles.DUTY_OFFICER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Draft a warning (duty officer)", description = """
            {"city", "level", "onset", "expectedEnd" (ISO-8601 with offset), "exercise", "widenExercise",
            "observedHeavy", "note", "proposalId"}. Exercises run the whole chain, are marked on every record and
            message, and reach only the plan's drill recipients unless widenExercise is true.""")
    public Uni<Warning> draft(WarningService.Draft body) {
        if (body == null || body.city() == null) {
            throw ApiException.badRequest("invalid_request", "a JSON body with city, level, onset and expectedEnd "
                    + "is required");
        }
        WarningService.Draft d = new WarningService.Draft(cities.requireCode(body.city()), body.level(), body.onset(),
                body.expectedEnd(), body.exercise(), body.widenExercise(), body.observedHeavy(), body.note(),
                body.proposalId());
        return Uni.createFrom().deferred(() -> service.draft(user(), identity.getRoles(), d))
                .onFailure(WarningRefusal.class).transform(e -> http((WarningRefusal) e));
    }

    @POST
    @Path("/{id}/actions")
    @RolesAllowed(Roles.STAFF)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Act on a warning", description = """
            {"action": CONSULT|SUBMIT|APPROVE|REJECT|REQUEST_CHANGE|CANCEL, "level", "onset", "expectedEnd",
            "observedHeavy", "reason"}. Duty officers consult, submit, request changes (level NONE lifts) and
            cancel drafts; approvers and commanders approve and reject by level (warning-approval.yaml), never
            their own drafts. A transition the state does not allow is 409 with the allowed actions.""")
    public Uni<Warning> act(@PathParam("id") long id, WarningLifecycle.ActionRequest body) {
        if (body == null) {
            throw ApiException.badRequest("invalid_request", "a JSON body with action is required");
        }
        return Uni.createFrom().deferred(() -> service.act(id, user(), identity.getRoles(), body))
                .onFailure(WarningRefusal.class).transform(e -> http((WarningRefusal) e));
    }

    /** The refusal as the API says it. */
    private static ApiException http(WarningRefusal r) {
        return switch (r.reason()) {
            case INVALID_REQUEST -> ApiException.badRequest("invalid_request", r.getMessage(), r.allowed());
            case NOT_FOUND -> ApiException.notFound("no_warning", r.getMessage());
            case FORBIDDEN -> new ApiException(403, "forbidden", r.getMessage(), r.allowed());
            case INVALID_TRANSITION -> new ApiException(409, "invalid_transition", r.getMessage(), r.allowed());
            case LEAD_TIME -> new ApiException(409, "lead_time", r.getMessage(), r.allowed());
        };
    }

    private String user() {
        return identity.getPrincipal().getName();
    }

    private static String stateName(String state) {
        try {
            return WarningState.valueOf(state.toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_parameter", "state " + state + " is not one of "
                    + Arrays.toString(WarningState.values()));
        }
    }

    @POST
    @Path("/evaluate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The warning level a forecast series supports", description = """
            Body {"criteria": "mee-2019" (default) or "mee-2017", "days": [{"date": "YYYY-MM-DD", "aqi": int}, ...]},
            days consecutive, the first being the day after issue. Returns {"level", "onset", "days", "reason"}:
            onset and days describe the run of days above 200 that set the level (null and 0 for NONE).""")
    public EvaluationView evaluate(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("invalid_request", "the body must be a JSON object with criteria and days");
        }
        JsonNode name = body.get("criteria");
        if (name != null && !name.isNull() && !name.isTextual()) {
            throw ApiException.badRequest("invalid_request", "criteria must be a string, one of " + criteria.ids());
        }
        String id = name == null || name.isNull() ? criteria.defaultSet() : name.asText();
        CriteriaSet set = criteria.set(id).orElseThrow(() -> ApiException.badRequest("unknown_criteria",
                "criteria " + id + " is not known; use one of " + criteria.ids()));
        CriteriaResult result = WarningCriteria.evaluate(set, days(body.get("days")), null);
        return new EvaluationView(result.level().name(), result.onset() == null ? null : result.onset().toString(),
                result.days(), result.reason());
    }

    private static List<DayForecast> days(JsonNode node) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw ApiException.badRequest("invalid_request", "days must be a non-empty array of {date, aqi}");
        }
        if (node.size() > MAX_DAYS) {
            throw ApiException.badRequest("invalid_request", "days may hold at most " + MAX_DAYS + " days");
        }
        List<DayForecast> days = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode day = node.get(i);
            String at = "days[" + i + "]";
            if (!day.isObject()) {
                throw ApiException.badRequest("invalid_request", at + " must be an object {date, aqi}");
            }
            JsonNode date = day.get("date");
            JsonNode aqi = day.get("aqi");
            LocalDate d = SaneDates.date(at + ".date", date == null || !date.isTextual() ? null : date.asText());
            if (aqi == null || !aqi.isNumber() || aqi.asDouble() != Math.rint(aqi.asDouble())) {
                throw ApiException.badRequest("invalid_aqi", at + ".aqi must be a whole number");
            }
            if (aqi.asLong() < 0) {
                throw ApiException.badRequest("invalid_aqi", at + ".aqi must not be negative: " + aqi.asLong());
            }
            if (!days.isEmpty() && !d.equals(days.get(days.size() - 1).date().plusDays(1))) {
                throw ApiException.badRequest("invalid_dates", at + ".date " + d + " does not follow "
                        + days.get(days.size() - 1).date() + ": days must be consecutive, without gaps");
            }
            days.add(DayForecast.of(d, (int) Math.min(Integer.MAX_VALUE, aqi.asLong())));
        }
        return days;
    }
}
