package io.airwarn.compliance;

import io.airwarn.city.Cities;
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
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** The stack monitors and the warnings' curtailment checks, for staff. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class ComplianceResource {

    /** A registered device as the API shows it. */
    public record DeviceView(String mn, String enterprise, String enterpriseName, int stacks,
                             OffsetDateTime lastFrameAt, long frames, long refused, String lastRefusal) {
    }

    /** One enterprise's verdict (the contract's fields first). */
    public record EnterpriseView(String id, String name, String status, Double requiredCut, Double measuredCut,
                                 int hours, List<String> stacks, ComplianceService.Finding finding) {
    }

    public record ComplianceView(long warningId, String unit, Map<String, Integer> counts,
                                 List<EnterpriseView> enterprises, OffsetDateTime from, OffsetDateTime to) {
    }

    /** An hour of one enterprise: its emission rate against the baseline (kg/h of SO2, NOx and dust). */
    public record HourView(OffsetDateTime hour, Double rate, Double baseline, double requiredCut, Double measuredCut,
                           String verdict) {
    }

    public record EnterpriseDetail(EnterpriseView enterprise, List<HourView> hours) {
    }

    public record CloseRequest(String note) {
    }

    private final ComplianceService service;
    private final StackDevices devices;
    private final StackData data;
    private final Cities cities;
    private final SecurityIdentity identity;

    ComplianceResource(ComplianceService service, StackDevices devices, StackData data, Cities cities,
                       SecurityIdentity identity) {
        this.service = service;
        this.devices = devices;
        this.data = data;
        this.cities = cities;
        this.identity = identity;
    }

    @GET
    @Path("/compliance/devices")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "The unit's registered stack monitors (HJ 212), when each last sent and how many of its "
            + "frames were refused")
    public Uni<List<DeviceView>> devices(@RestQuery String unit) {
        String code = cities.requireCode(unit);
        List<StackDevices.Device> list = devices.ofUnit(code);
        return data.status(list.stream().map(StackDevices.Device::mn).toList()).map(status -> {
            List<DeviceView> views = new ArrayList<>();
            for (StackDevices.Device d : list) {
                StackData.DeviceStatus s = status.get(d.mn());
                views.add(new DeviceView(d.mn(), d.enterpriseId(), d.enterpriseName(),
                        devices.ofEnterprise(d.enterpriseId()).size(), s == null ? null : s.lastFrameAt(),
                        s == null ? 0 : s.frames(), s == null ? 0 : s.refused(), s == null ? null : s.lastRefusal()));
            }
            return views;
        });
    }

    @GET
    @Path("/compliance/unknown-devices")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Devices that sent frames but no plan names: refused, listed for the duty officer")
    public Uni<List<StackData.UnknownDevice>> unknownDevices() {
        return data.unknownDevices();
    }

    @GET
    @Path("/warnings/{id}/compliance")
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
    @Path("/warnings/{id}/compliance/{enterprise}")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "One enterprise's hours: its emission rate against its baseline and the required cut")
    public Uni<EnterpriseDetail> enterprise(@RestPath long id, @RestPath String enterprise) {
        return service.forWarning(id).map(c -> {
            EnterpriseCompliance e = c.enterprises().stream().filter(x -> x.id().equals(enterprise)).findFirst()
                    .orElseThrow(() -> ApiException.notFound("not_found", "enterprise " + enterprise
                            + " has no order in warning " + id));
            return new EnterpriseDetail(view(e), e.hourly().stream().map(h -> new HourView(
                    h.hour().atOffset(java.time.ZoneOffset.UTC), h.rate(), h.baseline(), h.requiredCut(),
                    h.measuredCut(), h.verdict().name())).toList());
        });
    }

    @POST
    @Path("/warnings/{id}/compliance/{enterprise}/close")
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
            return Status.valueOf(status.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_status", "status must be one of " + List.of(Status.values()));
        }
    }

    static EnterpriseView view(EnterpriseCompliance e) {
        return new EnterpriseView(e.id(), e.name(), e.status().name(), e.requiredCut(), e.measuredCut(), e.hours(),
                e.stacks(), e.finding());
    }
}
