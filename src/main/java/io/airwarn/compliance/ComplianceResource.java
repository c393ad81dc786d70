package io.airwarn.compliance;

import io.airwarn.city.Cities;
import io.airwarn.compliance.ComplianceService.EnterpriseCompliance;
import io.airwarn.core.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestQuery;

/** The stack monitors, for staff; the API's views of the curtailment checks. */
@Path("/api/compliance")
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

    private final StackDevices devices;
    private final StackData data;
    private final Cities cities;

    ComplianceResource(StackDevices devices, StackData data, Cities cities) {
        this.devices = devices;
        this.data = data;
        this.cities = cities;
    }

    @GET
    @Path("/devices")
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
    @Path("/unknown-devices")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Devices that sent frames but no plan names: refused, listed for the duty officer")
    public Uni<List<StackData.UnknownDevice>> unknownDevices() {
        return data.unknownDevices();
    }

    static EnterpriseView view(EnterpriseCompliance e) {
        return new EnterpriseView(e.id(), e.name(), e.status().name(), e.requiredCut(), e.measuredCut(), e.hours(),
                e.stacks(), e.finding());
    }
}
