package io.airwarn.console;

import io.airwarn.audit.AuditLog;
import io.airwarn.audit.AuditRecord;
import io.airwarn.core.AirWarnConfig;
import io.airwarn.core.SaneDates;
import io.airwarn.core.BeijingTime;
import io.airwarn.core.Roles;
import io.airwarn.core.SmsSegments;
import io.airwarn.notify.SandboxGateway;
import io.airwarn.plan.PlanRegistry;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jboss.resteasy.reactive.RestQuery;

/** The plans with their validation and reduction checks, the audit trail, and the sandbox gateway's messages. */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class ConsoleRecords {

    static final int SANDBOX_SHOWN = 500;
    static final int AUDIT_SHOWN = 500;

    /** A received message with its SMS segment count and when it arrived, in Beijing time. */
    public record SandboxRow(SandboxGateway.Received received, int segments, String at) {
    }

    private final ConsoleContext context;
    private final PlanRegistry plans;
    private final AuditLog audit;
    private final SandboxGateway sandbox;
    private final boolean sandboxOn;
    private final Template plansPage;
    private final Template auditPage;
    private final Template sandboxPage;

    public ConsoleRecords(ConsoleContext context, PlanRegistry plans, AuditLog audit, SandboxGateway sandbox,
                          AirWarnConfig config, @Location("console/plans.html") Template plansPage,
                          @Location("console/audit.html") Template auditPage,
                          @Location("console/sandbox.html") Template sandboxPage) {
        this.context = context;
        this.plans = plans;
        this.audit = audit;
        this.sandbox = sandbox;
        this.sandboxOn = config.twilio().sandbox();
        this.plansPage = plansPage;
        this.auditPage = auditPage;
        this.sandboxPage = sandboxPage;
    }

    @GET
    @Path("/plans")
    @RolesAllowed(Roles.STAFF)
    public Uni<TemplateInstance> plans() {
        return context.page(plansPage.data("reports", plans.catalog().reports()), null, null);
    }

    @GET
    @Path("/audit")
    @RolesAllowed({Roles.ADMIN, Roles.APPROVER, Roles.COMMANDER})
    public Uni<TemplateInstance> audit(@RestQuery String q, @RestQuery String action, @RestQuery String from,
                                       @RestQuery String to) {
        String text = q == null || q.isBlank() ? null : q.strip().toLowerCase(Locale.ROOT);
        LocalDate first = from == null || from.isBlank() ? null : SaneDates.date("from", from);
        LocalDate last = to == null || to.isBlank() ? null : SaneDates.date("to", to);
        return audit.all().chain(records -> {
            var broken = audit.verify(records);
            List<AuditRecord> matching = records.stream()
                    .filter(r -> text == null || contains(r.actor(), text) || contains(r.entity(), text)
                            || contains(r.entityId(), text) || contains(r.reason(), text) || contains(r.action(), text))
                    .filter(r -> action == null || action.isBlank() || r.action().startsWith(action))
                    .filter(r -> first == null || !BeijingTime.toLocal(r.at()).toLocalDate().isBefore(first))
                    .filter(r -> last == null || !BeijingTime.toLocal(r.at()).toLocalDate().isAfter(last))
                    .sorted(Comparator.comparingLong(AuditRecord::seq).reversed()).toList();
            return context.page(auditPage.data("records", matching.stream().limit(AUDIT_SHOWN).toList())
                    .data("matching", matching.size()).data("total", records.size())
                    .data("actions", records.stream().map(r -> r.action().split("\\.")[0]).distinct().sorted()
                            .toList())
                    .data("q", q).data("action", action).data("from", from).data("to", to)
                    .data("chainIntact", broken.isEmpty())
                    .data("chainProblem", broken.map(b -> "#" + b.seq() + ": " + b.problem()).orElse(null)), null, null);
        });
    }

    private static boolean contains(String field, String lowerCaseText) {
        return field != null && field.toLowerCase(Locale.ROOT).contains(lowerCaseText);
    }

    @GET
    @Path("/sandbox")
    @RolesAllowed(Roles.STAFF)
    public Uni<TemplateInstance> sandbox(@RestQuery String to) {
        if (!sandboxOn) {
            throw new NotFoundException("the sandbox gateway is off (AIRWARN_TWILIO_SANDBOX=false)");
        }
        String number = to == null || to.isBlank() ? null : to.trim();
        List<SandboxGateway.Received> all = sandbox.list(number);
        List<SandboxRow> rows = all.stream().limit(SANDBOX_SHOWN)
                .map(m -> new SandboxRow(m, SmsSegments.count(m.body()), BeijingTime.minute(OffsetDateTime.parse(
                        m.dateCreated(), DateTimeFormatter.RFC_1123_DATE_TIME)))).toList();
        return context.page(sandboxPage.data("messages", rows).data("total", all.size()).data("shown", rows.size())
                .data("to", number), null, null);
    }
}
