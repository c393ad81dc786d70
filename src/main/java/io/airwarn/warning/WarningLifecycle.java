package io.airwarn.warning;

import io.airwarn.core.Roles;
import io.airwarn.core.WarningLevel;
import io.airwarn.plan.RulesEngine;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The decisions of the warning chain, made once for the service that carries them out and for the preview the
 * approver sees: whether an action is allowed to this actor now, the warning it leaves, and what approval starts.
 * Pure: the service stores the outcome, the resource and the console say the refusals.
 */
public final class WarningLifecycle {

    private WarningLifecycle() {
    }

    /** An action on a warning; the fields an action does not use are ignored. */
    public record ActionRequest(WarningState.Action action, WarningLevel level, OffsetDateTime onset,
                                OffsetDateTime expectedEnd, Boolean observedHeavy, String reason) {
    }

    /** What an allowed action leaves: the warning after it and, for an approval, the plan activation it starts. */
    public record Outcome(Warning after, RulesEngine.Request activation) {
    }

    /**
     * Decides {@code r} by {@code actor} at {@code now} on {@code w}: the outcome, or a {@link WarningRefusal}
     * naming why not.
     */
    public static Outcome decide(Warning w, ActionRequest r, String actor, Set<String> roles, ApprovalPolicy policy,
                                 OffsetDateTime now) {
        if (r.action() == null) {
            throw missingAction();
        }
        boolean lifting = w.pendingLevel() == WarningLevel.NONE;
        WarningState next = w.state().after(r.action(), lifting).orElseThrow(() -> new WarningRefusal(
                WarningRefusal.Reason.INVALID_TRANSITION, r.action() + " is not allowed when the warning is "
                + w.state() + "; allowed: " + w.state().allowed(), List.copyOf(w.state().allowed())));
        Warning moved = w.withState(next);
        return switch (r.action()) {
            case CONSULT -> {
                requireRole(roles, Roles.DUTY_OFFICER, "consult");
                boolean changes = r.level() != null || r.onset() != null || r.expectedEnd() != null;
                if (changes && w.state() != WarningState.DRAFT) {
                    throw new WarningRefusal(WarningRefusal.Reason.INVALID_TRANSITION, "an issued warning changes "
                            + "through REQUEST_CHANGE", List.of(WarningState.Action.REQUEST_CHANGE));
                }
                requireReason(r);
                yield new Outcome(moved.withLevels(r.level() == null ? w.level() : r.level(), w.issuedLevel(),
                                w.pendingLevel())
                        .withTimes(r.onset() == null ? w.onset() : r.onset(),
                                r.expectedEnd() == null ? w.expectedEnd() : r.expectedEnd())
                        .withObservedHeavy(r.observedHeavy() == null ? w.observedHeavy() : r.observedHeavy()), null);
            }
            case SUBMIT -> {
                requireRole(roles, Roles.DUTY_OFFICER, "submit");
                yield new Outcome(moved.withLevels(w.level(), w.issuedLevel(), null)
                        .withDecisions(actor, null, null, null), null);
            }
            case CANCEL -> {
                requireRole(roles, Roles.DUTY_OFFICER, "cancel");
                requireReason(r);
                yield new Outcome(moved.withLevels(w.level(), w.issuedLevel(), null)
                        .withDecisions(w.submittedBy(), null, null, null), null);
            }
            case REQUEST_CHANGE -> {
                requireRole(roles, Roles.DUTY_OFFICER, "request a change");
                requireReason(r);
                if (r.level() == null || r.level() == w.issuedLevel()) {
                    throw WarningRefusal.invalid("level must name the new level (NONE to lift), different from "
                            + w.issuedLevel());
                }
                yield new Outcome(moved.withLevels(w.level(), w.issuedLevel(), r.level())
                        .withTimes(w.onset(), r.expectedEnd() == null ? w.expectedEnd() : r.expectedEnd())
                        .withDecisions(actor, w.approvedBy(), w.issuedAt(), null), null);
            }
            case REJECT -> {
                WarningLevel deciding = w.state() == WarningState.SUBMITTED ? w.level() : w.pendingLevel();
                refuseIf(policy.refusal(actor, roles, deciding, Set.of()), WarningRefusal.Reason.FORBIDDEN);
                requireReason(r);
                yield new Outcome(moved.withLevels(w.level(), w.issuedLevel(), null)
                        .withDecisions(w.submittedBy(), w.approvedBy(), w.issuedAt(), null), null);
            }
            case APPROVE -> {
                boolean change = w.state() == WarningState.CHANGE_SUBMITTED;
                WarningLevel level = awaitingApproval(w);
                Set<String> authors = change ? Set.of(w.submittedBy())
                        : new HashSet<>(Arrays.asList(w.draftedBy(), w.submittedBy()));
                refuseIf(policy.refusal(actor, roles, level, authors), WarningRefusal.Reason.FORBIDDEN);
                if (!change) {
                    refuseIf(policy.leadTimeProblem(now.toInstant(), w.onset().toInstant(), w.observedHeavy()),
                            WarningRefusal.Reason.LEAD_TIME);
                }
                boolean lift = level == WarningLevel.NONE;
                yield new Outcome(moved.withLevels(lift ? w.level() : level, level, null)
                        .withDecisions(w.submittedBy(), actor, change ? w.issuedAt() : now, lift ? now : null),
                        activation(w, now));
            }
        };
    }

    /** Whether an action is open to this user now, and if not, why. */
    public record Availability(WarningState.Action action, boolean allowed, WarningRefusal.Reason reason,
                               String whyNot) {
    }

    /**
     * The actions the warning's state allows, each with whether this user may take it now: the console shows the
     * allowed ones and says why the others are not. Only what the user fills in (a reason, a new level) is left out.
     */
    public static List<Availability> availability(Warning w, String actor, Set<String> roles, ApprovalPolicy policy,
                                                  OffsetDateTime now) {
        WarningLevel changeTo = w.issuedLevel() == WarningLevel.NONE ? WarningLevel.BLUE : WarningLevel.NONE;
        return w.state().allowed().stream().sorted().map(action -> {
            try {
                decide(w, new ActionRequest(action, action == WarningState.Action.REQUEST_CHANGE ? changeTo : null,
                        null, null, null, "-"), actor, roles, policy, now);
                return new Availability(action, true, null, null);
            } catch (WarningRefusal r) {
                return new Availability(action, false, r.reason(), r.getMessage());
            }
        }).toList();
    }

    /** Time a draft made now needs for consultation and approval before the lead-time rule is checked. */
    static final Duration DECISION_TIME = Duration.ofHours(6);

    /**
     * The onset to offer a new draft at {@code now}: one that still meets the lead-time rule when it is approved
     * within {@link #DECISION_TIME}, on a whole hour.
     */
    public static OffsetDateTime suggestedOnset(ApprovalPolicy policy, OffsetDateTime now) {
        OffsetDateTime earliest = now.plus(policy.leadTime()).plus(DECISION_TIME);
        OffsetDateTime hour = earliest.truncatedTo(ChronoUnit.HOURS);
        return hour.isBefore(earliest) ? hour.plusHours(1) : hour;
    }

    /** The refusal of a request that names no action. */
    public static WarningRefusal missingAction() {
        return WarningRefusal.invalid("action is required, one of " + List.of(WarningState.Action.values()));
    }

    /** Whether {@code roles} may draft a warning: only a duty officer. */
    public static void mayDraft(Set<String> roles) {
        requireRole(roles, Roles.DUTY_OFFICER, "draft a warning");
    }

    /** The level approval would put in force: the drafted level, or a submitted change's; null when none awaits. */
    public static WarningLevel awaitingApproval(Warning w) {
        return switch (w.state()) {
            case DRAFT, SUBMITTED -> w.level();
            case CHANGE_SUBMITTED -> w.pendingLevel();
            default -> null;
        };
    }

    /**
     * When the response starts if the warning is approved at {@code now}: at once for a change to a warning in
     * force and for heavy pollution already observed, otherwise at the warning's onset.
     */
    public static OffsetDateTime responseStart(Warning w, OffsetDateTime now) {
        return w.state() == WarningState.CHANGE_SUBMITTED || w.observedHeavy() ? now : w.onset();
    }

    /** The contingency plan activation approval at {@code now} would start; null when nothing awaits approval. */
    public static RulesEngine.Request activation(Warning w, OffsetDateTime now) {
        WarningLevel level = awaitingApproval(w);
        return level == null ? null : new RulesEngine.Request(level, w.issuedLevel(), responseStart(w, now),
                w.exercise(), w.widenExercise(), level == WarningLevel.NONE ? null : w.expectedEnd());
    }

    private static void refuseIf(Optional<String> problem, WarningRefusal.Reason reason) {
        problem.ifPresent(p -> {
            throw new WarningRefusal(reason, p, List.of());
        });
    }

    private static void requireRole(Set<String> roles, String role, String what) {
        if (!roles.contains(role)) {
            throw new WarningRefusal(WarningRefusal.Reason.FORBIDDEN, "only a " + role + " may " + what, List.of());
        }
    }

    private static void requireReason(ActionRequest r) {
        if (r.reason() == null || r.reason().isBlank()) {
            throw WarningRefusal.invalid("reason is required for " + r.action());
        }
    }
}
