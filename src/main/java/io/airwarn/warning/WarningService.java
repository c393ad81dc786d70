package io.airwarn.warning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.airwarn.audit.AuditLog;
import io.airwarn.core.WarningLevel;
import io.airwarn.plan.ActivationService;
import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * The warning decision chain: draft, consult, submit, approve (issue), change, lift. Every action checks the state
 * machine and the actor's role, and commits together with its history entry, its audit record and, on approval,
 * the orders of the plan.
 */
@ApplicationScoped
public class WarningService {

    /** A new draft. */
    public record Draft(String city, WarningLevel level, OffsetDateTime onset, OffsetDateTime expectedEnd,
                        boolean exercise, boolean widenExercise, boolean observedHeavy, String note, Long proposalId) {
    }

    private final Pool pool;
    private final WarningStore store;
    private final ActivationService activations;
    private final ApprovalPolicy policy;
    private final AuditLog audit;
    private final ApprovalSms approvalSms;
    private final ObjectMapper json;
    private final Clock clock;

    WarningService(Pool pool, WarningStore store, ActivationService activations, ApprovalPolicy policy,
                   AuditLog audit, ApprovalSms approvalSms, ObjectMapper json, Clock clock) {
        this.pool = pool;
        this.approvalSms = approvalSms;
        this.store = store;
        this.activations = activations;
        this.policy = policy;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    public Uni<Warning> draft(String actor, Set<String> roles, Draft d) {
        WarningLifecycle.mayDraft(roles);
        if (d.level() == null || d.level() == WarningLevel.NONE) {
            throw WarningRefusal.invalid("level must be BLUE, YELLOW, ORANGE or RED");
        }
        if (d.onset() == null || d.expectedEnd() == null || !d.expectedEnd().isAfter(d.onset())) {
            throw WarningRefusal.invalid("onset and expectedEnd are required, expectedEnd after onset");
        }
        activations.plan(d.city());
        if (d.widenExercise() && !d.exercise()) {
            throw WarningRefusal.invalid("widenExercise only applies to an exercise");
        }
        if (d.observedHeavy() && (d.note() == null || d.note().isBlank())) {
            throw WarningRefusal.invalid("observedHeavy needs a note saying what was observed (stations, hours, AQI)");
        }
        Warning w = new Warning(0, d.city(), WarningState.DRAFT, d.level(), WarningLevel.NONE, null, d.onset(),
                d.expectedEnd(), d.exercise(), d.widenExercise(), d.observedHeavy(), d.proposalId(), actor, null, null,
                null, null);
        return pool.withTransaction(c -> store.insert(c, w).call(id -> store.proposalDrafted(c, d.proposalId()))
                .chain(id -> store.event(c, id, actor, "DRAFT",
                        WarningState.DRAFT, WarningState.DRAFT, d.level(), d.note(), null)
                .chain(() -> audit.append(c, new AuditLog.Entry(actor, "warning.draft", "warning", Long.toString(id),
                        null, toJson(w), d.note())))
                .chain(() -> store.lock(c, id))));
    }

    /** Carries out an action as {@link WarningLifecycle} decides it; fails with a {@link WarningRefusal} if refused. */
    @WithSpan("warning action")
    public Uni<Warning> act(@SpanAttribute("warning_id") long id, String actor, Set<String> roles,
                            WarningLifecycle.ActionRequest request) {
        if (request.action() == null) {
            throw WarningLifecycle.missingAction();
        }
        return pool.withTransaction(c -> store.lock(c, id).chain(w -> {
            if (w == null) {
                throw new WarningRefusal(WarningRefusal.Reason.NOT_FOUND, "warning " + id + " does not exist",
                        List.of());
            }
            OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
            return apply(c, w, WarningLifecycle.decide(w, request, actor, roles, policy, now), actor, request, now);
        }));
    }

    /** The onset a draft started now should have to be approvable: {@link WarningLifecycle#suggestedOnset}. */
    public OffsetDateTime suggestedOnset() {
        return WarningLifecycle.suggestedOnset(policy, OffsetDateTime.now(clock));
    }

    /** What this user may do with the warning now, as {@link WarningLifecycle#availability} decides it. */
    public List<WarningLifecycle.Availability> availability(Warning w, String actor, Set<String> roles) {
        return WarningLifecycle.availability(w, actor, roles, policy, OffsetDateTime.now(clock));
    }

    private Uni<Warning> apply(SqlConnection c, Warning w, WarningLifecycle.Outcome outcome, String actor,
                               WarningLifecycle.ActionRequest r, OffsetDateTime now) {
        Warning result = outcome.after();
        Uni<Long> activated = outcome.activation() == null ? Uni.createFrom().nullItem()
                : activations.activate(c, w.city(), outcome.activation(), new ActivationService.Initiator(actor, w.id()))
                .map(ActivationService.Outcome::activationId);
        WarningLevel eventLevel = r.action() == WarningState.Action.REQUEST_CHANGE ? result.pendingLevel()
                : result.level();
        return activated.chain(activationId -> store.update(c, result)
                .chain(() -> store.event(c, w.id(), actor, r.action().name(), w.state(), result.state(), eventLevel,
                        r.reason(), activationId))
                .chain(() -> approvalSms.ifAwaiting(c, result, eventLevel, actor, now))
                .chain(() -> audit.append(c, new AuditLog.Entry(actor, "warning." + r.action().name().toLowerCase(),
                        "warning", Long.toString(w.id()), toJson(w), toJson(result), r.reason())))
                .map(ignored -> result));
    }

    private String toJson(Warning w) {
        try {
            return json.writeValueAsString(w);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
