package io.airwarn.compliance;

import io.airwarn.compliance.ComplianceResource.CloseRequest;
import io.airwarn.compliance.ComplianceResource.ComplianceView;
import io.airwarn.compliance.ComplianceResource.EnterpriseDetail;
import io.airwarn.compliance.ComplianceResource.HourView;
import io.airwarn.compliance.ComplianceService.EnterpriseCompliance;
import io.airwarn.compliance.Curtailment.Status;
import io.airwarn.core.ApiException;
import io.airwarn.core.FreeText;
import io.airwarn.core.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** A warning's curtailment checks: the verdicts, one enterprise's hours, and closing a finding. */
@Path("/api/warnings/{id}/compliance")
@Produces(MediaType.APPLICATION_JSON)
public class WarningComplianceResource {

    private final ComplianceService service;
    private final SecurityIdentity identity;

    WarningComplianceResource(ComplianceService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Did the enterprises cut as ordered?",
            description = "Each enterprise with an order: COMPLIANT, NOT_COMPLIANT (3 consecutive valid hours short "
                    + "of the cut), NO_DATA (device silent or every value flagged) or NO_DEVICE; cuts are fractions "
                    + "of the baseline emissions of SO2, NOx and dust; hours counts the hours with valid data.")
    public Uni<ComplianceView> warning(@RestPath long id, @RestQuery String status) {
        Status filter = status == null || status.isBlank() ? null : parse(status);
        return service.forWarning(id).map(c -> {
            Map<String, Integer> counts = new LinkedHashMap<>();
            c.counts().forEach((s, n) -> counts.put(s.name(), n));
            return new ComplianceView(c.warningId(), c.unit(), counts, c.enterprises().stream()
                    .filter(e -> filter == null || e.status() == filter).map(ComplianceResource::view).toList(),
                    c.from(), c.to());
        });
    }

    @GET
    @Path("/{enterprise}")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "One enterprise's hours: its emission rate against its baseline and the required cut")
    public Uni<EnterpriseDetail> enterprise(@RestPath long id, @RestPath String enterprise) {
        return service.forEnterprise(id, enterprise).map(c -> {
            EnterpriseCompliance e = c.enterprises().stream().filter(x -> x.id().equals(enterprise)).findFirst()
                    .orElseThrow(() -> ApiException.notFound("not_found", "enterprise " + enterprise
                            + " has no order in warning " + id));
            return new EnterpriseDetail(ComplianceResource.view(e), e.hourly().stream().map(h -> new HourView(
                    h.hour().atOffset(ZoneOffset.UTC), h.rate(), h.baseline(), h.requiredCut(),
                    h.measuredCut(), h.verdict().name())).toList());
        });
    }

    @POST
    @Path("/{enterprise}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DUTY_OFFICER, Roles.COMMANDER, Roles.ADMIN})
    @Operation(summary = "Close an enterprise's finding and its enforcement task with what was found")
    public Uni<Map<String, Object>> close(@RestPath long id, @RestPath String enterprise, CloseRequest request) {
        String note = request == null ? null : request.note();
        if (note == null || note.isBlank() || note.length() > 2000) {
            throw ApiException.badRequest("invalid_note", "note must say what was found, 1 to 2000 characters");
        }
        if (FreeText.startsLikeFormula(note.strip())) {
            throw ApiException.badRequest("invalid_note", "note must not start like a spreadsheet formula");
        }
        return service.close(id, enterprise, identity.getPrincipal().getName(), note.strip()).map(closed -> {
            if (!closed) {
                throw ApiException.notFound("not_found", "no open finding for " + enterprise + " in warning " + id);
            }
            return Map.of("closed", true);
        });
    }

    private static Status parse(String status) {
        try {
            return Status.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_status", "status must be one of " + List.of(Status.values()));
        }
    }
}
