package io.airwarn.warning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.airwarn.core.WarningLevel;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The warning chain's decisions as pure functions: what an action leaves, who may take it, and what approval starts
 * (which the approval and the approver's preview both use).
 */
class WarningLifecycleRulesTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-01T09:00+08:00");
    private static final OffsetDateTime ONSET = NOW.plusHours(30);
    private static final ApprovalPolicy POLICY = ApprovalPolicy.read(new ByteArrayInputStream("""
            approvers: {BLUE: [approver], YELLOW: [approver], ORANGE: [commander], RED: [commander], NONE: [approver]}
            leadTimeHours: 24
            liftAfterHours: 36
            regionalMinUnits: 3
            """.getBytes(StandardCharsets.UTF_8)), "warning-approval.yaml");

    private static Warning warning(WarningState state, boolean observedHeavy) {
        return new Warning(1, "220100", state, WarningLevel.ORANGE, state == WarningState.CHANGE_SUBMITTED
                ? WarningLevel.YELLOW : WarningLevel.NONE, state == WarningState.CHANGE_SUBMITTED ? WarningLevel.RED
                : null, ONSET, ONSET.plusDays(3), false, false, observedHeavy, null, "duty", "duty", null, null, null);
    }

    private static WarningLifecycle.Outcome decide(Warning w, WarningState.Action action, String actor,
                                                   Set<String> roles) {
        return WarningLifecycle.decide(w, new WarningLifecycle.ActionRequest(action, null, null, null, null,
                "a reason"), actor, roles, POLICY, NOW);
    }

    private static WarningRefusal.Reason refusal(Runnable decision) {
        return assertThrows(WarningRefusal.class, decision::run).reason();
    }

    @Test
    void heavyPollutionAlreadyObservedStartsTheResponseAtApproval() {
        assertEquals(NOW, WarningLifecycle.activation(warning(WarningState.SUBMITTED, true), NOW).responseStart());
        assertEquals(ONSET, WarningLifecycle.activation(warning(WarningState.SUBMITTED, false), NOW).responseStart());
    }

    @Test
    void aChangeStartsAtApprovalWithTheSubmittedLevelFromTheLevelInForce() {
        var change = WarningLifecycle.activation(warning(WarningState.CHANGE_SUBMITTED, false), NOW);
        assertEquals(NOW, change.responseStart());
        assertEquals(WarningLevel.RED, change.level());
        assertEquals(WarningLevel.YELLOW, change.previousLevel());
    }

    @Test
    void approvalIssuesTheWarningAndStartsItsPlanOnlyForAnApproverOtherThanItsAuthors() {
        Warning submitted = warning(WarningState.SUBMITTED, false);
        WarningLifecycle.Outcome approved = decide(submitted, WarningState.Action.APPROVE, "boss", Set.of("commander"));
        assertEquals(WarningState.ISSUED, approved.after().state());
        assertEquals(WarningLevel.ORANGE, approved.after().issuedLevel());
        assertEquals("boss", approved.after().approvedBy());
        assertEquals(NOW, approved.after().issuedAt());
        assertEquals(WarningLifecycle.activation(submitted, NOW), approved.activation());

        assertEquals(WarningRefusal.Reason.FORBIDDEN, refusal(() -> decide(submitted, WarningState.Action.APPROVE,
                "someone", Set.of("approver"))), "ORANGE needs a commander");
        assertEquals(WarningRefusal.Reason.FORBIDDEN, refusal(() -> decide(submitted, WarningState.Action.APPROVE,
                "duty", Set.of("commander", "duty-officer"))), "never one's own draft");
        Warning tooSoon = submitted.withTimes(NOW.plusHours(3), NOW.plusDays(2));
        assertEquals(WarningRefusal.Reason.LEAD_TIME, refusal(() -> decide(tooSoon, WarningState.Action.APPROVE,
                "boss", Set.of("commander"))));
        assertEquals(NOW, decide(tooSoon.withObservedHeavy(true), WarningState.Action.APPROVE, "boss",
                Set.of("commander")).activation().responseStart(), "observed heavy pollution needs no lead time");
    }

    @Test
    void anActionTheStateDoesNotAllowIsRefusedWithTheAllowedOnes() {
        WarningRefusal r = assertThrows(WarningRefusal.class, () -> decide(warning(WarningState.ISSUED, false),
                WarningState.Action.SUBMIT, "duty", Set.of("duty-officer")));
        assertEquals(WarningRefusal.Reason.INVALID_TRANSITION, r.reason());
        assertEquals(List.copyOf(WarningState.ISSUED.allowed()), r.allowed());
        assertEquals(WarningRefusal.Reason.FORBIDDEN, refusal(() -> decide(warning(WarningState.DRAFT, false),
                WarningState.Action.SUBMIT, "viewer", Set.of("viewer"))));
        assertEquals(WarningRefusal.Reason.INVALID_REQUEST, refusal(() -> WarningLifecycle.decide(
                warning(WarningState.DRAFT, false), new WarningLifecycle.ActionRequest(WarningState.Action.CANCEL,
                        null, null, null, null, " "), "duty", Set.of("duty-officer"), POLICY, NOW)),
                "cancelling needs a reason");
    }

    @Test
    void theConsoleOffersEachUserWhatTheRulesAllowThemAndSaysWhyNotTheRest() {
        Warning submitted = warning(WarningState.SUBMITTED, false);
        var commander = WarningLifecycle.availability(submitted, "boss", Set.of("commander"), POLICY, NOW);
        assertEquals(List.of(WarningState.Action.APPROVE, WarningState.Action.REJECT), commander.stream()
                .filter(WarningLifecycle.Availability::allowed).map(WarningLifecycle.Availability::action).toList());
        var author = WarningLifecycle.availability(submitted, "duty", Set.of("duty-officer"), POLICY, NOW);
        assertTrue(author.stream().noneMatch(WarningLifecycle.Availability::allowed));
        assertEquals(WarningState.Action.APPROVE, author.get(0).action());
        assertTrue(author.get(0).whyNot().contains("four-eyes"), author.toString());
        var tooSoon = WarningLifecycle.availability(submitted.withTimes(NOW.plusHours(3), NOW.plusDays(1)), "boss",
                Set.of("commander"), POLICY, NOW);
        assertEquals(List.of(false, true), tooSoon.stream().map(WarningLifecycle.Availability::allowed).toList(),
                "approval waits for the lead time; rejection does not");
    }

    @Test
    void nothingAwaitsApprovalOnceIssuedOrLifted() {
        assertNull(WarningLifecycle.activation(warning(WarningState.ISSUED, false), NOW));
        assertNull(WarningLifecycle.awaitingApproval(warning(WarningState.LIFTED, true)));
    }
}
