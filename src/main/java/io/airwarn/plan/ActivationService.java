package io.airwarn.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.airwarn.audit.AuditLog;
import io.airwarn.city.Cities;
import io.airwarn.city.City;
import io.airwarn.core.AirWarnConfig;
import io.airwarn.core.ApiException;
import io.airwarn.message.MessageTemplates;
import io.airwarn.subscription.Subscribers;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Computes the orders of an activation and stores them with the plan version they came from. */
@ApplicationScoped
public class ActivationService {

    /** Who starts an activation: the actor, and the warning whose approval it carries out (null for an exercise). */
    public record Initiator(String actor, Long warningId) {
    }

    /** What an activation stored; {@code created} is false when the same activation had been stored before. */
    public record Outcome(long activationId, boolean created, int orders) {
    }

    private final PlanRegistry registry;
    private final PlanStore store;
    private final Pool pool;
    private final MessageTemplates templates;
    private final Cities cities;
    private final Subscribers subscribers;
    private final AuditLog audit;
    private final ObjectMapper json;
    /** Where one-time acknowledgement links point, or null when SMS may carry no links. */
    private final String linkBase;
    private final ActivationMeters meters;

    ActivationService(PlanRegistry registry, PlanStore store, Pool pool, MessageTemplates templates, Cities cities,
                      Subscribers subscribers, AirWarnConfig config, AuditLog audit, ObjectMapper json,
                      ActivationMeters meters) {
        this.meters = meters;
        this.subscribers = subscribers;
        this.audit = audit;
        this.json = json;
        this.linkBase = config.ack().linkBase().map(base -> base.replaceAll("/+$", "")).orElse(null);
        this.registry = registry;
        this.store = store;
        this.pool = pool;
        this.templates = templates;
        this.cities = cities;
    }

    public PlanCatalog.InUse plan(String unit) {
        return registry.catalog().plan(unit).orElseThrow(() -> ApiException.notFound("no_plan",
                "unit " + unit + " has no valid contingency plan loaded; see GET /api/plans"));
    }

    /** Activates inside the caller's transaction; the outcome names the activation either way. */
    @WithSpan("plan activation")
    public Uni<Outcome> activate(SqlConnection c, String unit, RulesEngine.Request request, Initiator initiator) {
        if (!request.exercise() && initiator.warningId() == null) {
            throw new IllegalStateException("a real activation needs the warning whose approval it carries out");
        }
        PlanCatalog.InUse inUse = plan(unit);
        List<Order> orders = RulesEngine.orders(inUse.plan(), request);
        return store.activate(c, unit, inUse.versionId(), request, initiator, orders, escalation(inUse.plan()),
                        messages(unit, request))
                .invoke(id -> {
                    if (id != null) {
                        meters.activated(request, orders);
                    }
                })
                .chain(id -> id != null
                ? Uni.createFrom().item(new Outcome(id, true, orders.size()))
                : store.existing(unit, request).map(existing -> new Outcome(existing, false, 0)));
    }

    /**
     * What an activation would send: one SMS per order with a mobile number and one public message per confirmed
     * subscriber, in segments (the cost), and how many messages exceed their audience's segment budget.
     */
    public record Cost(long messages, long segments, long subscribers, long overBudget) {
    }

    /** Per recipient type and kind (order, notice, all-clear, escalation), how many orders the activations made. */
    public Uni<Map<String, Map<String, Long>>> orderCounts(List<Long> activationIds) {
        return store.orderCounts(activationIds);
    }

    Uni<Cost> cost(String unit, RulesEngine.Request request, List<Order> orders) {
        Function<Order, OrderMessages> render = messages(unit, request);
        return subscribers.countByLanguage(unit).map(byLanguage -> {
            long messages = 0;
            long segments = 0;
            long overBudget = 0;
            long subscribers = byLanguage.values().stream().mapToLong(Long::longValue).sum();
            for (Order o : orders) {
                OrderMessages m = render.apply(o);
                Map<String, Long> recipients = o.recipientType() == Order.RecipientType.PUBLIC ? byLanguage
                        : o.mobile() == null ? Map.of() : Map.of(MessageTemplates.DEFAULT_LANGUAGE, 1L);
                for (Map.Entry<String, Long> r : recipients.entrySet()) {
                    int n = m.segments(r.getKey());
                    messages += r.getValue();
                    segments += n * r.getValue();
                    overBudget += n > templates.budget(m.audience()) ? r.getValue() : 0;
                }
            }
            return new Cost(messages, segments, subscribers, overBudget);
        });
    }

    /** The texts of the unit's orders, rendered from the message templates. */
    Function<Order, OrderMessages> messages(String unit, RulesEngine.Request request) {
        City city = cities.find(unit).orElseThrow();
        return o -> OrderMessages.of(templates, city, request, o, linkBase);
    }

    /**
     * Enterprises escalate to their supervising unit, schools to the education bureau, units and everyone else to
     * the HQ office.
     */
    static PlanStore.Escalation escalation(Plan plan) {
        PlanStore.Contact hq = new PlanStore.Contact(Plan.HQ, plan.command().office(), plan.command().officeMobile());
        Map<String, PlanStore.Contact> units = new HashMap<>();
        plan.responsibleUnits().forEach(u -> units.put(u.id(), new PlanStore.Contact(u.id(), u.name(),
                u.contactMobile())));
        Map<String, PlanStore.Contact> supervisors = new HashMap<>();
        plan.enterprises().forEach(e -> supervisors.put(e.id(), units.getOrDefault(e.supervisor(), hq)));
        PlanStore.Contact education = units.getOrDefault("education", hq);
        return new PlanStore.Escalation(o -> switch (o.recipientType()) {
            case ENTERPRISE -> supervisors.getOrDefault(o.recipientId(), hq);
            case SCHOOL -> education;
            default -> hq;
        }, hq);
    }

    /** What an activation of the unit's plan would produce, with its SMS cost; nothing is stored. */
    public Uni<PlanViews.Preview> preview(String unit, RulesEngine.Request request) {
        PlanCatalog.InUse inUse = plan(unit);
        List<Order> orders = RulesEngine.orders(inUse.plan(), request);
        return cost(unit, request, orders).map(cost -> PlanViews.Preview.of(inUse, request, orders,
                registry.minimumShare(), cost));
    }

    /**
     * Starts an exercise outside the warning chain, audited in the same transaction. Real orders come only from an
     * approved warning, so anything but an exercise is refused.
     */
    public Uni<Outcome> exercise(String unit, RulesEngine.Request request, String actor) {
        if (!request.exercise()) {
            throw ApiException.badRequest("exercise_only", "Plans are activated directly only for exercises "
                    + "(\"exercise\": true); real orders come from an approved warning (POST /api/warnings)");
        }
        return pool.withTransaction(c -> activate(c, unit, request, new Initiator(actor, null))
                .call(outcome -> outcome.created() ? audit.append(c, new AuditLog.Entry(actor, "plan.exercise",
                        "activation", Long.toString(outcome.activationId()), null, json.valueToTree(Map.of(
                                "unit", unit, "request", request, "orders", outcome.orders())).toString(), null))
                        : Uni.createFrom().voidItem()));
    }
}
