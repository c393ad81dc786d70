package io.airwarn.portal;

import io.airwarn.compliance.ComplianceService;
import io.airwarn.console.ConsoleContext;
import io.airwarn.core.FreeText;
import io.airwarn.core.Roles;
import io.airwarn.notify.Acknowledgements;
import io.quarkus.qute.Location;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The enterprise, school and unit portal: the signed-in recipient's orders with measures and deadlines, where it
 * acknowledges them and reports its measures in place; the duty officers see both at once on the warning's page.
 */
@Path("/portal")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.ENTERPRISE, Roles.SCHOOL, Roles.UNIT})
public class PortalPages {

    static final int SHOWN = 100;
    /** Silent orders a supervising unit sees at once: a city's whole list of enterprises and schools. */
    static final int SILENT_SHOWN = 5000;

    private final ConsoleContext context;
    private final Acknowledgements acknowledgements;
    private final SecurityIdentity identity;
    private final Template orders;
    private final ComplianceService compliance;

    public PortalPages(ConsoleContext context, Acknowledgements acknowledgements, SecurityIdentity identity,
                       ComplianceService compliance, @Location("portal/orders.html") Template orders) {
        this.compliance = compliance;
        this.context = context;
        this.acknowledgements = acknowledgements;
        this.identity = identity;
        this.orders = orders;
    }

    @GET
    public Uni<TemplateInstance> orders(@RestQuery String notice, @RestQuery String problem) {
        Acknowledgements.Scope scope = scope();
        Uni<List<ComplianceService.EnterpriseCompliance>> monitored = identity.hasRole(Roles.ENTERPRISE)
                && scope.recipientId() != null ? compliance.ownInResponse(scope.recipientId())
                : Uni.createFrom().item(List.of());
        return Uni.combine().all().unis(acknowledgements.ownOrders(scope, SHOWN),
                        acknowledgements.silentOrdersEscalatedTo(scope, SILENT_SHOWN), monitored).asTuple()
                .map(t -> orders.data("orders", t.getItem1()).data("silent", t.getItem2())
                        .data("monitored", t.getItem3())
                        .data("user", context.user()).data("l", context.labels()).data("here", context.here())
                        .data("notice", notice)
                        .data("problem", problem));
    }

    /**
     * A supervising unit acknowledges, for their recipients, the silent orders it chased up: the ones ticked, or
     * all it was sent escalations about.
     */
    @POST
    @Path("/on-behalf")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> acknowledgeOnBehalf(@RestForm String csrf, @RestForm List<String> code,
                                             @RestForm boolean all) {
        context.requireToken(csrf);
        Uni<List<String>> codes = all
                ? acknowledgements.silentOrdersEscalatedTo(scope(), SILENT_SHOWN)
                        .map(list -> list.stream().map(Acknowledgements.Status::code).toList())
                : Uni.createFrom().item(code == null ? List.of() : code);
        return codes.chain(list -> acknowledgements.acknowledgeOnBehalf(list, identity.getPrincipal().getName(),
                scope())).map(n -> {
                    UriBuilder uri = UriBuilder.fromPath("/portal");
                    if (n > 0) {
                        uri.queryParam("notice", context.labels().t("已代为确认 " + n + " 条指令",
                                "Acknowledged " + n + " order(s) on behalf"));
                    } else {
                        uri.queryParam("problem", context.labels().t("没有选中可代为确认的指令",
                                "No order you may acknowledge was selected"));
                    }
                    return Response.seeOther(uri.build()).build();
                });
    }

    @POST
    @Path("/orders/{code}/ack")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> acknowledge(@PathParam("code") String code, @RestForm String csrf) {
        context.requireToken(csrf);
        return acknowledgements.acknowledge(code, identity.getPrincipal().getName(), "WEB", scope())
                .map(s -> back(s, context.labels().t("已确认 " + code, "Acknowledged " + code)));
    }

    @POST
    @Path("/orders/{code}/measures")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> measures(@PathParam("code") String code, @RestForm String csrf, @RestForm String note) {
        context.requireToken(csrf);
        return acknowledgements.reportMeasures(code, identity.getPrincipal().getName(), scope(),
                        FreeText.require("note", note, FreeText.MAX_NOTE))
                .map(s -> back(s, context.labels().t("已报告落实：" + code, "Reported in place: " + code)));
    }

    private Response back(Optional<Acknowledgements.Status> done, String notice) {
        UriBuilder uri = UriBuilder.fromPath("/portal");
        if (done.isPresent()) {
            uri.queryParam("notice", notice);
        } else {
            uri.queryParam("problem", context.labels().t("没有这条可处理的指令", "No such order that you can act on"));
        }
        return Response.seeOther(uri.build()).build();
    }

    private Acknowledgements.Scope scope() {
        return Acknowledgements.Scope.of(identity);
    }
}
