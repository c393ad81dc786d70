package io.airwarn.console;

import io.airwarn.compliance.ComplianceService;
import io.airwarn.compliance.ComplianceService.EnterpriseCompliance;
import io.airwarn.compliance.Curtailment;
import io.airwarn.core.ApiException;
import io.airwarn.core.Roles;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Did the enterprises cut? A warning's curtailment checks from the stack monitors: counts by verdict, the
 * enterprises with a sparkline of their emissions against the baseline, one enterprise's hours, and closing a
 * finding with what the inspection found.
 */
@Path("/console/warnings/{id}/compliance")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.STAFF)
public class CompliancePages {

    /** A row of the list: the enterprise and its sparkline's two lines (SVG points). */
    public record Row(EnterpriseCompliance e, String rateLine, String baselineLine) {
    }

    private final ConsoleContext context;
    private final ComplianceService compliance;
    private final SecurityIdentity identity;
    private final Template list;
    private final Template enterprise;

    public CompliancePages(ConsoleContext context, ComplianceService compliance, SecurityIdentity identity,
                           @Location("console/compliance.html") Template list,
                           @Location("console/complianceEnterprise.html") Template enterprise) {
        this.context = context;
        this.compliance = compliance;
        this.identity = identity;
        this.list = list;
        this.enterprise = enterprise;
    }

    @GET
    public Uni<TemplateInstance> list(@PathParam("id") long id, @RestQuery String status, @RestQuery String q) {
        String text = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        return compliance.forWarning(id).chain(c -> context.page(list.data("c", c)
                .data("rows", c.enterprises().stream()
                        .filter(e -> status == null || status.isBlank() || e.status().name().equals(status))
                        .filter(e -> text.isEmpty() || e.name().toLowerCase(Locale.ROOT).contains(text)
                                || e.id().toLowerCase(Locale.ROOT).contains(text))
                        .map(e -> new Row(e, Sparkline.points(e.hourly().stream().map(Curtailment.Hour::rate).toList(),
                                rangeOf(e), 120, 24), Sparkline.points(e.hourly().stream()
                                .map(Curtailment.Hour::baseline).toList(), rangeOf(e), 120, 24)))
                        .toList())
                .data("statuses", Curtailment.Status.values()).data("status", status).data("q", q), null, null));
    }

    @GET
    @Path("/{enterprise}")
    public Uni<TemplateInstance> enterprise(@PathParam("id") long id, @PathParam("enterprise") String enterpriseId,
                                            @RestQuery String notice, @RestQuery String problem) {
        return compliance.forEnterprise(id, enterpriseId).chain(c -> {
            EnterpriseCompliance e = c.enterprises().stream().filter(x -> x.id().equals(enterpriseId)).findFirst()
                    .orElseThrow(() -> ApiException.notFound("not_found", "enterprise " + enterpriseId
                            + " has no order in warning " + id));
            double range = rangeOf(e);
            return compliance.stackCurves(e).chain(curves -> context.page(enterprise.data("c", c).data("e", e)
                    .data("stackLines", curves.entrySet().stream().map(s -> new StackLine(s.getKey(),
                            Sparkline.points(s.getValue(), range, 720, 200))).toList())
                    .data("rateLine", Sparkline.points(e.hourly().stream().map(Curtailment.Hour::rate).toList(),
                            range, 720, 200))
                    .data("baselineLine", Sparkline.points(e.hourly().stream().map(Curtailment.Hour::baseline)
                            .toList(), range, 720, 200))
                    .data("requiredLine", Sparkline.points(e.hourly().stream().map(h -> h.baseline() == null ? null
                            : h.baseline() * (1 - h.requiredCut())).toList(), range, 720, 200))
                    .data("closes", identity.getRoles().stream().anyMatch(r -> r.equals(Roles.DUTY_OFFICER)
                            || r.equals(Roles.COMMANDER) || r.equals(Roles.ADMIN))), notice, problem));
        });
    }

    /** One stack's curve on the enterprise's chart. */
    public record StackLine(String mn, String points) {
    }

    @POST
    @Path("/{enterprise}/close")
    @RolesAllowed({Roles.DUTY_OFFICER, Roles.COMMANDER, Roles.ADMIN})
    public Uni<Response> close(@PathParam("id") long id, @PathParam("enterprise") String enterpriseId,
                               @RestForm String csrf, @RestForm String note) {
        context.requireToken(csrf);
        String back = "/console/warnings/" + id + "/compliance/" + enterpriseId;
        if (note == null || note.isBlank() || note.length() > 2000) {
            return Uni.createFrom().item(Response.seeOther(UriBuilder.fromPath(back)
                    .queryParam("problem", "请填写核查结果（2000 字以内） / Say what the inspection found").build()).build());
        }
        return compliance.close(id, enterpriseId, identity.getPrincipal().getName(), note.strip())
                .map(closed -> Response.seeOther(UriBuilder.fromPath(back).queryParam(closed ? "notice" : "problem",
                        closed ? "已办结 / Closed" : "没有待办结的核查 / Nothing open to close").build()).build());
    }

    private static double rangeOf(EnterpriseCompliance e) {
        return e.hourly().stream().flatMap(h -> Stream.of(h.rate(), h.baseline()))
                .filter(Objects::nonNull).mapToDouble(Double::doubleValue).max().orElse(1);
    }

    /** Points of an SVG polyline for a series over [0, max]; gaps (null) are left out. */
    static final class Sparkline {
        private Sparkline() {
        }

        static String points(List<Double> values, double max, int width, int height) {
            StringBuilder points = new StringBuilder();
            int n = values.size();
            for (int i = 0; i < n; i++) {
                Double v = values.get(i);
                if (v == null) {
                    continue;
                }
                double x = n == 1 ? width / 2.0 : i * (double) width / (n - 1);
                double y = height - (max <= 0 ? 0 : Math.min(1, v / max)) * height;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            return points.toString().strip();
        }
    }
}
