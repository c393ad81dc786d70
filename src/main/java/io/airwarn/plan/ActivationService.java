package io.airwarn.plan;

import io.airwarn.platform.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Computes the orders of an activation and stores them with the plan version they came from. */
@ApplicationScoped
public class ActivationService {

    /** What an activation stored; {@code created} is false when the same activation had been stored before. */
    public record Outcome(long activationId, boolean created, int orders) {
    }

    private final PlanRegistry registry;
    private final PlanStore store;
    private final Pool pool;

    ActivationService(PlanRegistry registry, PlanStore store, Pool pool) {
        this.registry = registry;
        this.store = store;
        this.pool = pool;
    }

    public PlanCatalog.InUse plan(String unit) {
        return registry.catalog().plan(unit).orElseThrow(() -> ApiException.notFound("no_plan",
                "unit " + unit + " has no valid contingency plan loaded; see GET /api/plans"));
    }

    /** Activates inside the caller's transaction; the outcome names the activation either way. */
    public Uni<Outcome> activate(SqlConnection c, String unit,
                                 RulesEngine.Request request) {
        PlanCatalog.InUse inUse = plan(unit);
        List<Order> orders = RulesEngine.orders(inUse.plan(), request);
        return store.activate(c, unit, inUse.versionId(), request, orders, escalation(inUse.plan()))
                .chain(id -> id != null
                ? Uni.createFrom().item(new Outcome(id, true, orders.size()))
                : store.existing(unit, request).map(existing -> new Outcome(existing, false, 0)));
    }

    /**
     * Enterprises escalate to their supervising unit, schools to the education bureau, units and everyone else to
     * the HQ office.
     */
    static PlanStore.Escalation escalation(Plan plan) {
        Map<String, String> units = new HashMap<>();
        plan.responsibleUnits().forEach(u -> units.put(u.id(), u.contactMobile()));
        Map<String, String> supervisors = new HashMap<>();
        plan.enterprises().forEach(e -> supervisors.put(e.id(), units.get(e.supervisor())));
        String hq = plan.command().officeMobile();
        String education = units.getOrDefault("education", hq);
        return new PlanStore.Escalation(o -> switch (o.recipientType()) {
            case ENTERPRISE -> supervisors.getOrDefault(o.recipientId(), hq);
            case SCHOOL -> education;
            default -> hq;
        }, hq);
    }

    public Uni<Outcome> activate(String unit, RulesEngine.Request request) {
        return pool.withTransaction(c -> activate(c, unit, request));
    }
}
