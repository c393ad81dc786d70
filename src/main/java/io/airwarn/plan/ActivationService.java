package io.airwarn.plan;

import io.airwarn.platform.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

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
        return store.activate(c, unit, inUse.versionId(), request, orders).chain(id -> id != null
                ? Uni.createFrom().item(new Outcome(id, true, orders.size()))
                : store.existing(unit, request).map(existing -> new Outcome(existing, false, 0)));
    }

    public Uni<Outcome> activate(String unit, RulesEngine.Request request) {
        return pool.withTransaction(c -> activate(c, unit, request));
    }
}
