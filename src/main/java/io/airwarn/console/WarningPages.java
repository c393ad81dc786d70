package io.airwarn.console;

import io.airwarn.city.Cities;
import io.airwarn.city.City;
import io.airwarn.core.ApiException;
import io.airwarn.core.BeijingTime;
import io.airwarn.core.CsvRows;
import io.airwarn.core.FreeText;
import io.airwarn.core.Roles;
import io.airwarn.core.SaneDates;
import io.airwarn.core.WarningLevel;
import io.airwarn.notify.Acknowledgements;
import io.airwarn.plan.ActivationService;
import io.airwarn.plan.PlanViews;
import io.airwarn.plan.RulesEngine;
import io.airwarn.warning.EpisodeReportService;
import io.airwarn.warning.ProposalService;
import io.airwarn.warning.Warning;
import io.airwarn.warning.WarningLifecycle;
import io.airwarn.warning.WarningQueries;
import io.airwarn.warning.WarningRefusal;
import io.airwarn.warning.WarningService;
import io.airwarn.warning.WarningState;
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
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The warning workflow on the console: the list, drafting (from a proposal or not), one warning with its preview,
 * actions, delivery and acknowledgement funnel, searchable orders and history. Forms post here and come back with
 * a notice or the problem; the rules are the warning service's, checked on the server.
 */
@Path("/console/warnings")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.STAFF)
public class WarningPages {

    static final int ORDERS_SHOWN = 200;
    /** The recipient types a duty officer filters the orders by. */
    private static final List<String> RECIPIENT_TYPES = List.of("ENTERPRISE", "SCHOOL", "RESPONSIBLE_UNIT",
            "SUPERVISOR", "HQ");
    /** Who may acknowledge orders for their recipients. */
    private static final Set<String> ON_BEHALF_ROLES = Set.of(Roles.DUTY_OFFICER,
            Roles.COMMANDER, Roles.ADMIN);

    private final ConsoleContext context;
    private final WarningQueries queries;
    private final WarningService service;
    private final ProposalService proposals;
    private final ActivationService activations;
    private final Acknowledgements acknowledgements;
    private final EpisodeReportService reports;
    private final Cities cities;
    private final SecurityIdentity identity;
    private final Clock clock;
    private final Template list;
    private final Template draft;
    private final Template detail;
    private final Template report;

    public WarningPages(ConsoleContext context, WarningQueries queries, WarningService service,
                        ProposalService proposals, ActivationService activations, Acknowledgements acknowledgements,
                        EpisodeReportService reports, Cities cities, SecurityIdentity identity, Clock clock,
                        @Location("console/warnings.html") Template list,
                        @Location("console/newWarning.html") Template draft,
                        @Location("console/warning.html") Template detail,
                        @Location("episodeReport.html") Template report) {
        this.context = context;
        this.queries = queries;
        this.service = service;
        this.proposals = proposals;
        this.activations = activations;
        this.acknowledgements = acknowledgements;
        this.reports = reports;
        this.cities = cities;
        this.identity = identity;
        this.clock = clock;
        this.list = list;
        this.draft = draft;
        this.detail = detail;
        this.report = report;
    }

    /**
     * The warnings, newest first, filtered by unit, state ("AWAITING": either approval state), level and whether
     * they are exercises.
     */
    @GET
    public Uni<TemplateInstance> list(@RestQuery String city, @RestQuery String state, @RestQuery String level,
                                      @RestQuery String kind) {
        return queries.list(null, null, null).chain(all -> context.page(list
                .data("warnings", all.stream().filter(w -> city == null || city.isBlank() || w.city().equals(city))
                        .filter(w -> state == null || state.isBlank() || w.state().name().equals(state)
                                || state.equals("AWAITING") && (w.state() == WarningState.SUBMITTED
                                        || w.state() == WarningState.CHANGE_SUBMITTED))
                        .filter(w -> level == null || level.isBlank() || w.level().name().equals(level))
                        .filter(w -> kind == null || kind.isBlank() || w.exercise() == kind.equals("exercise"))
                        .toList())
                .data("cities", cities.all()).data("states", WarningState.values())
                .data("levels", List.of(WarningLevel.BLUE, WarningLevel.YELLOW, WarningLevel.ORANGE, WarningLevel.RED))
                .data("city", city).data("state", state).data("level", level).data("kind", kind), null, null));
    }

    @GET
    @Path("/new")
    @RolesAllowed(Roles.DUTY_OFFICER)
    public Uni<TemplateInstance> newWarning(@RestQuery Long proposal, @RestQuery String problem) {
        Uni<Optional<ProposalService.Proposal>> from = proposal == null ? Uni.createFrom().item(Optional.empty())
                : proposals.list(null).map(all -> all.stream().filter(p -> p.id() == proposal).findFirst());
        return from.chain(p -> {
            LocalDateTime onset = p.map(x -> LocalDateTime.parse(x.onset() + "T00:00"))
                    .orElse(BeijingTime.toLocal(service.suggestedOnset()));
            int days = p.map(ProposalService.Proposal::days).orElse(3);
            return context.page(draft.data("proposal", p.orElse(null)).data("cities", cities.all())
                    .data("levels", List.of(WarningLevel.BLUE, WarningLevel.YELLOW, WarningLevel.ORANGE,
                            WarningLevel.RED))
                    .data("selectedCity", p.map(ProposalService.Proposal::city).orElse(null))
                    .data("selectedLevel", p.map(ProposalService.Proposal::level).orElse("YELLOW"))
                    .data("onset", onset.toString()).data("end", onset.plusDays(days).toString()), null, problem);
        });
    }

    @POST
    @RolesAllowed(Roles.DUTY_OFFICER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> create(@RestForm String csrf, @RestForm String city, @RestForm String level,
                                @RestForm String onset, @RestForm String expectedEnd, @RestForm boolean exercise,
                                @RestForm boolean observedHeavy, @RestForm String note, @RestForm Long proposal) {
        context.requireToken(csrf);
        return Uni.createFrom().item(() -> new WarningService.Draft(city, parseLevel(level), beijing(onset, "onset"),
                        beijing(expectedEnd, "expected end"), exercise, false, observedHeavy,
                        FreeText.require("note", note, FreeText.MAX_NOTE), proposal))
                .chain(d -> service.draft(identity.getPrincipal().getName(), identity.getRoles(), d))
                .map(w -> redirect(w.id(), "起草完成 Drafted", null))
                .onFailure(WarningPages::refused).recoverWithItem(e -> Response.seeOther(UriBuilder
                        .fromPath("/console/warnings/new").queryParam("problem", e.getMessage()).build()).build());
    }

    @GET
    @Path("/{id}")
    public Uni<TemplateInstance> warning(@PathParam("id") long id, @RestQuery String q, @RestQuery String show,
                                         @RestQuery String type, @RestQuery int offset, @RestQuery String notice,
                                         @RestQuery String problem) {
        Acknowledgements.Filter filter = filter(q, show, type);
        return queries.view(id).chain(v -> {
            Warning w = v.warning();
            Uni<Object> preview = preview(w).map(p -> (Object) p)
                    .onFailure(ApiException.class).recoverWithItem(e -> e.getMessage());
            return Uni.combine().all().unis(preview, queries.delivery(id),
                    acknowledgements.search(v.activations(), filter, Math.max(0, offset), ORDERS_SHOWN)).asTuple()
                    .chain(t -> {
                        Object p = t.getItem1();
                        List<WarningLifecycle.Availability> actions = service.availability(w,
                                identity.getPrincipal().getName(), identity.getRoles());
                        Map<String, Boolean> may = new HashMap<>();
                        for (WarningState.Action a : WarningState.Action.values()) {
                            may.put(a.name(), false);
                        }
                        actions.forEach(x -> may.put(x.action().name(), x.allowed()));
                        TemplateInstance page = detail.data("w", w).data("history", v.history())
                                .data("may", may).data("unavailable", actions.stream().filter(x -> !x.allowed())
                                        .toList())
                                .data("cityName", cities.find(w.city()).map(City::nameZh).orElse(w.city()))
                                .data("levels", List.of(WarningLevel.BLUE, WarningLevel.YELLOW, WarningLevel.ORANGE,
                                        WarningLevel.RED, WarningLevel.NONE))
                                .data("preview", p instanceof PlanViews.Preview ? p : null)
                                .data("noPreview", p instanceof String s ? s : null)
                                .data("delivery", t.getItem2()).data("orders", t.getItem3())
                                .data("filter", filter).data("show", filter.show().name())
                                .data("recipientTypes", RECIPIENT_TYPES).data("query", query(filter))
                                .data("mayActForRecipients", identity.getRoles().stream().anyMatch(
                                        ON_BEHALF_ROLES::contains));
                        // The exercise banner belongs on exercises and overviews, not on a real warning's page.
                        return context.page(page, notice, problem)
                                .map(rendered -> w.exercise() ? rendered : rendered.data("exerciseUnderWay", false));
                    });
        });
    }

    @POST
    @Path("/{id}/actions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> act(@PathParam("id") long id, @RestForm String csrf, @RestForm String action,
                             @RestForm String level, @RestForm String reason) {
        context.requireToken(csrf);
        WarningState.Action a;
        try {
            a = WarningState.Action.valueOf(action == null ? "" : action.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().item(redirect(id, null, context.labels().t("未知操作：", "Unknown action: ")
                    + action));
        }
        return Uni.createFrom().item(() -> new WarningLifecycle.ActionRequest(a,
                        level == null || level.isBlank() ? null : parseLevel(level), null, null, null,
                        reason == null || reason.isBlank() ? null
                                : FreeText.require("reason", reason.strip(), FreeText.MAX_NOTE)))
                .chain(request -> service.act(id, identity.getPrincipal().getName(), identity.getRoles(), request))
                .map(w -> redirect(id, context.labels().t("已" + context.labels().action(a) + "，当前状态："
                        + context.labels().state(w.state()), "Done: " + context.labels().action(a) + "; now "
                        + context.labels().state(w.state())), null))
                .onFailure(WarningPages::refused).recoverWithItem(e -> redirect(id, null, e.getMessage()));
    }

    /**
     * The warning's orders that match the filter as CSV, for a spreadsheet or the record: every match, not a page.
     */
    @GET
    @Path("/{id}/orders.csv")
    @Produces("text/csv; charset=UTF-8")
    public Uni<Response> ordersCsv(@PathParam("id") long id, @RestQuery String q, @RestQuery String show,
                                   @RestQuery String type) {
        Labels l = context.labels();
        return queries.view(id).chain(v -> acknowledgements.search(v.activations(), filter(q, show, type), 0,
                        Integer.MAX_VALUE))
                .map(page -> {
                    List<List<String>> rows = new ArrayList<>();
                    rows.add(List.of(l.t("确认码", "Code"), l.t("对象类型", "Recipient type"), l.t("对象", "Recipient"),
                            l.t("级别", "Level"), l.t("状态", "Status"), l.t("确认期限", "Due"),
                            l.t("确认时间", "Acknowledged"), l.t("确认方式", "How"), l.t("确认人", "By"),
                            l.t("措施落实", "Measures in place"), l.t("落实情况", "Note"), l.t("督办级别", "Escalation"),
                            l.t("督办涉及", "About order")));
                    page.orders().forEach(o -> rows.add(List.of(o.code(), l.term(o.recipientType()),
                            l.pick(o.recipientName()), l.level(o.level()), l.term(o.status()),
                            BeijingTime.minute(o.ackDeadline()),
                            BeijingTime.minute(o.acknowledgedAt()), l.term(o.channel()), nonNull(o.acknowledgedBy()),
                            BeijingTime.minute(o.measuresInPlaceAt()), nonNull(o.measuresNote()),
                            String.valueOf(o.escalationLevel()), nonNull(o.escalates()))));
                    return Response.ok(CsvRows.write(rows)).header("Content-Disposition",
                            "attachment; filename=\"warning-" + id + "-orders.csv\"").build();
                });
    }

    /** Staff acknowledge silent orders for their recipients after chasing them up: the ones ticked on the page. */
    @POST
    @Path("/{id}/on-behalf")
    @RolesAllowed({Roles.DUTY_OFFICER, Roles.COMMANDER, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> acknowledgeOnBehalf(@PathParam("id") long id, @RestForm String csrf,
                                             @RestForm List<String> code) {
        context.requireToken(csrf);
        Labels l = context.labels();
        return queries.view(id).chain(v -> acknowledgements.acknowledgeOnBehalf(code == null ? List.of() : code,
                        identity.getPrincipal().getName(), Acknowledgements.Scope.ANY))
                .map(n -> n > 0 ? redirect(id, l.t("已代为确认 " + n + " 条指令", "Acknowledged " + n
                        + " order(s) on behalf"), null)
                        : redirect(id, null, l.t("没有选中可代为确认的指令", "No order to acknowledge was selected")));
    }

    private static Acknowledgements.Filter filter(String q, String show, String type) {
        Acknowledgements.Show s;
        try {
            s = show == null || show.isBlank() ? Acknowledgements.Show.ALL
                    : Acknowledgements.Show.valueOf(show.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_show", "show must be one of "
                    + List.of(Acknowledgements.Show.values()));
        }
        return new Acknowledgements.Filter(FreeText.require("q", q, FreeText.MAX_NOTE), s, type);
    }

    /** The filter as a query string, for the page links and the CSV link. */
    private static String query(Acknowledgements.Filter f) {
        UriBuilder uri = UriBuilder.fromPath("");
        if (f.text() != null) {
            uri.queryParam("q", f.text());
        }
        uri.queryParam("show", f.show().name());
        if (f.recipientType() != null) {
            uri.queryParam("type", f.recipientType());
        }
        return uri.build().getRawQuery();
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    /** A refusal the page shows as its problem: bad form input, or the warning chain's no. */
    private static boolean refused(Throwable e) {
        return e instanceof ApiException || e instanceof WarningRefusal;
    }

    @GET
    @Path("/{id}/report")
    public Uni<TemplateInstance> report(@PathParam("id") long id) {
        return reports.report(id).map(r -> report.data("r", r));
    }

    /** What approving now would send: the level awaiting approval, from the level in force; null if none awaits. */
    private Uni<PlanViews.Preview> preview(Warning w) {
        RulesEngine.Request activation = WarningLifecycle.activation(w, OffsetDateTime.now(clock));
        return activation == null ? Uni.createFrom().nullItem() : activations.preview(w.city(), activation);
    }

    private static Response redirect(long id, String notice, String problem) {
        UriBuilder uri = UriBuilder.fromPath("/console/warnings/" + id);
        if (notice != null) {
            uri.queryParam("notice", notice);
        }
        if (problem != null) {
            uri.queryParam("problem", problem);
        }
        return Response.seeOther(uri.build()).build();
    }

    private static WarningLevel parseLevel(String level) {
        try {
            return WarningLevel.valueOf(level.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiException.badRequest("invalid_level", "level must be one of " + List.of(WarningLevel.values()));
        }
    }

    /** A datetime-local field, read as Beijing time. */
    private static OffsetDateTime beijing(String value, String what) {
        return BeijingTime.toOffset(SaneDates.dateTime(what, value));
    }
}
