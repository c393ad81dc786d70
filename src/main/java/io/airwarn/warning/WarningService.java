package io.airwarn.warning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.airwarn.audit.AuditLog;
import io.airwarn.core.ApiException;
import io.airwarn.core.Roles;
import io.airwarn.core.WarningLevel;
import io.airwarn.plan.ActivationService;
import io.airwarn.plan.RulesEngine;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
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

    /** An action on a warning; the fields an action does not use are ignored. */
    public record ActionRequest(WarningState.Action action, WarningLevel level, OffsetDateTime onset,
                                OffsetDateTime expectedEnd, Boolean observedHeavy, String reason) {
    }

    private final Pool pool;
    private final WarningStore store;
    private final ActivationService activations;
    private final ApprovalPolicy policy;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;

    WarningService(Pool pool, WarningStore store, ActivationService activations, ApprovalPolicy policy,
                   AuditLog audit, ObjectMapper json, Clock clock) {
        this.pool = pool;
        this.store = store;
        this.activations = activations;
        this.policy = policy;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    public Uni<Warning> draft(String actor, Set<String> roles, Draft d) {
        requireRole(roles, Roles.DUTY_OFFICER, "draft a warning");
        if (d.level() == null || d.level() == WarningLevel.NONE) {
            throw ApiException.badRequest("invalid_request", "level must be BLUE, YELLOW, ORANGE or RED");
        }
        if (d.onset() == null || d.expectedEnd() == null || !d.expectedEnd().isAfter(d.onset())) {
            throw ApiException.badRequest("invalid_request", "onset and expectedEnd are required, expectedEnd after onset");
        }
        activations.plan(d.city());
        if (d.widenExercise() && !d.exercise()) {
            throw ApiException.badRequest("invalid_request", "widenExercise only applies to an exercise");
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

    public Uni<Warning> act(long id, String actor, Set<String> roles, ActionRequest request) {
        if (request.action() == null) {
            throw ApiException.badRequest("invalid_request", "action is required, one of "
                    + List.of(WarningState.Action.values()));
        }
        return pool.withTransaction(c -> store.lock(c, id).chain(w -> {
            if (w == null) {
                throw ApiException.notFound("no_warning", "warning " + id + " does not exist");
            }
            boolean lifting = w.pendingLevel() == WarningLevel.NONE;
            WarningState next = w.state().after(request.action(), lifting).orElseThrow(() -> new ApiException(409,
                    "invalid_transition", request.action() + " is not allowed when the warning is " + w.state()
                    + "; allowed: " + w.state().allowed(), List.copyOf(w.state().allowed())));
            return apply(c, w, next, actor, roles, request);
        }));
    }

    private Uni<Warning> apply(SqlConnection c, Warning w, WarningState next, String actor, Set<String> roles,
                               ActionRequest r) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        Warning after;
        RulesEngine.Request activation = null;
        switch (r.action()) {
            case CONSULT -> {
                requireRole(roles, Roles.DUTY_OFFICER, "consult");
                boolean changes = r.level() != null || r.onset() != null || r.expectedEnd() != null;
                if (changes && w.state() != WarningState.DRAFT) {
                    throw new ApiException(409, "invalid_transition", "an issued warning changes through "
                            + "REQUEST_CHANGE", List.of(WarningState.Action.REQUEST_CHANGE));
                }
                requireReason(r, true);
                after = copy(w, next, r.level() == null ? w.level() : r.level(), w.issuedLevel(), w.pendingLevel(),
                        r.onset() == null ? w.onset() : r.onset(), r.expectedEnd() == null ? w.expectedEnd()
                                : r.expectedEnd(), r.observedHeavy() == null ? w.observedHeavy() : r.observedHeavy(),
                        w.submittedBy(), w.approvedBy(), w.issuedAt(), w.liftedAt());
            }
            case SUBMIT -> {
                requireRole(roles, Roles.DUTY_OFFICER, "submit");
                after = copy(w, next, w.level(), w.issuedLevel(), null, w.onset(), w.expectedEnd(), w.observedHeavy(),
                        actor, null, null, null);
            }
            case CANCEL -> {
                requireRole(roles, Roles.DUTY_OFFICER, "cancel");
                requireReason(r, true);
                after = copy(w, next, w.level(), w.issuedLevel(), null, w.onset(), w.expectedEnd(), w.observedHeavy(),
                        w.submittedBy(), null, null, null);
            }
            case REQUEST_CHANGE -> {
                requireRole(roles, Roles.DUTY_OFFICER, "request a change");
                requireReason(r, true);
                if (r.level() == null || r.level() == w.issuedLevel()) {
                    throw ApiException.badRequest("invalid_request", "level must name the new level (NONE to lift), "
                            + "different from " + w.issuedLevel());
                }
                after = copy(w, next, w.level(), w.issuedLevel(), r.level(), w.onset(),
                        r.expectedEnd() == null ? w.expectedEnd() : r.expectedEnd(), w.observedHeavy(), actor,
                        w.approvedBy(), w.issuedAt(), null);
            }
            case REJECT -> {
                WarningLevel deciding = w.state() == WarningState.SUBMITTED ? w.level() : w.pendingLevel();
                policy.refusal(actor, roles, deciding, Set.of()).ifPresent(problem -> {
                    throw new ApiException(403, "forbidden", problem, List.of());
                });
                requireReason(r, true);
                after = copy(w, next, w.level(), w.issuedLevel(), null, w.onset(), w.expectedEnd(), w.observedHeavy(),
                        w.submittedBy(), w.approvedBy(), w.issuedAt(), null);
            }
            case APPROVE -> {
                boolean change = w.state() == WarningState.CHANGE_SUBMITTED;
                WarningLevel level = WarningLifecycle.awaitingApproval(w);
                Set<String> authors = change ? Set.of(w.submittedBy()) : new HashSet<>(List.of(w.draftedBy(), w.submittedBy()));
                policy.refusal(actor, roles, level, authors).ifPresent(problem -> {
                    throw new ApiException(403, "forbidden", problem, List.of());
                });
                if (!change) {
                    policy.leadTimeProblem(now.toInstant(), w.onset().toInstant(), w.observedHeavy())
                            .ifPresent(problem -> {
                                throw new ApiException(409, "lead_time", problem, List.of());
                            });
                }
                activation = WarningLifecycle.activation(w, now);
                boolean lift = level == WarningLevel.NONE;
                after = copy(w, next, lift ? w.level() : level, level, null, w.onset(), w.expectedEnd(),
                        w.observedHeavy(), w.submittedBy(), actor, change ? w.issuedAt() : now, lift ? now : null);
            }
            default -> throw new IllegalStateException("unhandled action " + r.action());
        }
        Warning result = after;
        Uni<Long> activated = activation == null ? Uni.createFrom().nullItem()
                : activations.activate(c, w.city(), activation, new ActivationService.Initiator(actor, w.id()))
                .map(ActivationService.Outcome::activationId);
        return activated.chain(activationId -> store.update(c, result)
                .chain(() -> store.event(c, w.id(), actor, r.action().name(), w.state(), result.state(),
                        r.action() == WarningState.Action.REQUEST_CHANGE ? result.pendingLevel() : result.level(),
                        r.reason(), activationId))
                .chain(() -> audit.append(c, new AuditLog.Entry(actor, "warning." + r.action().name().toLowerCase(),
                        "warning", Long.toString(w.id()), toJson(w), toJson(result), r.reason())))
                .map(ignored -> result));
    }

    private static Warning copy(Warning w, WarningState state, WarningLevel level, WarningLevel issuedLevel,
                                WarningLevel pending, OffsetDateTime onset, OffsetDateTime expectedEnd,
                                boolean observedHeavy, String submittedBy, String approvedBy, OffsetDateTime issuedAt,
                                OffsetDateTime liftedAt) {
        return new Warning(w.id(), w.city(), state, level, issuedLevel, pending, onset, expectedEnd, w.exercise(),
                w.widenExercise(), observedHeavy, w.proposalId(), w.draftedBy(), submittedBy, approvedBy, issuedAt, liftedAt);
    }

    private static void requireRole(Set<String> roles, String role, String what) {
        if (!roles.contains(role)) {
            throw new ApiException(403, "forbidden", "only a " + role + " may " + what, List.of());
        }
    }

    private static void requireReason(ActionRequest r, boolean required) {
        if (required && (r.reason() == null || r.reason().isBlank())) {
            throw ApiException.badRequest("invalid_request", "reason is required for " + r.action());
        }
    }

    private String toJson(Warning w) {
        try {
            return json.writeValueAsString(w);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
