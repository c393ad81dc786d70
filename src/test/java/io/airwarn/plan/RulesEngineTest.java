package io.airwarn.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.airwarn.core.WarningLevel;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The rules engine on the hand-made plan: 4 enterprises (C, B, A, leading), a primary school and a university,
 * two responsible units.
 */
class RulesEngineTest {

    private static final Plan PLAN = SmallPlan.plan();
    private static final OffsetDateTime EVENING = OffsetDateTime.parse("2026-12-01T21:00+08:00");

    private static List<Order> orders(WarningLevel from, WarningLevel to, OffsetDateTime start, boolean exercise) {
        return RulesEngine.orders(PLAN, new RulesEngine.Request(to, from, start, exercise));
    }

    private static Map<String, Order> byRecipient(List<Order> orders) {
        return orders.stream().collect(Collectors.toMap(Order::recipientId, o -> o));
    }

    @Test
    void firstYellowOrdersEveryoneConcerned() {
        Map<String, Order> o = byRecipient(orders(WarningLevel.NONE, WarningLevel.YELLOW, EVENING, false));
        assertEquals(Order.Kind.ORDER, o.get("E1").kind());
        assertEquals("limit output 20 %", o.get("E1").text());
        assertEquals(0.6, o.get("E1").reduction().so2(), 1e-12);
        assertEquals(EVENING.plusHours(24), o.get("E1").deadline(), "the YELLOW INDUSTRY measure gives 24 h");
        assertEquals(Order.Kind.ORDER, o.get("E2").kind());
        assertTrue(o.get("S1").text().startsWith("减少户外"), "below ORANGE schools reduce outdoor activity");
        assertTrue(o.get("public").text().contains("YELLOW"));
        assertEquals(Order.Kind.ORDER, o.get("eeb").kind(), "eeb has YELLOW tasks");
        assertTrue(!o.containsKey("education"), "education has no YELLOW task");
    }

    @Test
    void gradeAAndLeadingEnterprisesGetOnlyAVoluntaryNotice() {
        Map<String, Order> o = byRecipient(orders(WarningLevel.NONE, WarningLevel.RED, EVENING, false));
        for (String id : List.of("E3", "E4")) {
            assertEquals(Order.Kind.VOLUNTARY_NOTICE, o.get(id).kind(), id);
            assertEquals(0.0, o.get(id).reduction().so2(), id);
        }
        assertEquals(Order.Kind.ORDER, o.get("E1").kind());
    }

    @Test
    void anUpgradeSendsOnlyNewOrStricterOrders() {
        Map<String, Order> o = byRecipient(orders(WarningLevel.YELLOW, WarningLevel.ORANGE, EVENING, false));
        assertEquals("limit output 50 %", o.get("E1").text(), "stricter measure");
        assertEquals(Order.Kind.ORDER, o.get("E1").kind());
        assertTrue(!o.containsKey("E3") && !o.containsKey("E4"), "the voluntary notice does not change");
        assertTrue(o.get("S1").text().startsWith("停止户外"), "schools now stop outdoor activity");
        assertTrue(o.containsKey("education"), "a unit with new tasks");
        // ORANGE to RED: the university's instruction (no outdoor activity) stays the same, so it hears nothing.
        Map<String, Order> red = byRecipient(orders(WarningLevel.ORANGE, WarningLevel.RED, EVENING, false));
        assertTrue(!red.containsKey("S2"), "unchanged instruction is not sent again");
        assertTrue(red.get("S1").text().startsWith("停课"));
    }

    @Test
    void aDowngradeRelaxes() {
        Map<String, Order> o = byRecipient(orders(WarningLevel.RED, WarningLevel.YELLOW, EVENING, false));
        assertEquals(Order.Kind.RELAXATION, o.get("E1").kind());
        assertEquals("limit output 20 %", o.get("E1").text());
        assertEquals(Order.Kind.RELAXATION, o.get("S1").kind());
        assertEquals(Order.Kind.ALL_CLEAR, o.get("education").kind(), "education has no YELLOW task any more");
    }

    @Test
    void liftingSendsAnAllClearToEveryoneWhoHeldAnOrder() {
        List<Order> lift = orders(WarningLevel.ORANGE, WarningLevel.NONE, EVENING, false);
        List<Order> held = orders(WarningLevel.NONE, WarningLevel.ORANGE, EVENING, false);
        assertEquals(held.size(), lift.size());
        assertTrue(lift.stream().allMatch(o -> o.kind() == Order.Kind.ALL_CLEAR));
        assertEquals(held.stream().map(Order::recipientId).collect(Collectors.toSet()),
                lift.stream().map(Order::recipientId).collect(Collectors.toSet()));
    }

    @Test
    void theSameLevelAgainChangesNothingAndTheSameRequestGivesTheSameOrders() {
        assertEquals(List.of(), orders(WarningLevel.ORANGE, WarningLevel.ORANGE, EVENING, false));
        assertEquals(orders(WarningLevel.NONE, WarningLevel.RED, EVENING, false),
                orders(WarningLevel.NONE, WarningLevel.RED, EVENING, false));
    }

    @Test
    void anExerciseReachesOnlyDrillRecipientsAndIsMarked() {
        // The hand-made plan lists eeb, E1 and S1 for drills.
        List<Order> drill = orders(WarningLevel.NONE, WarningLevel.RED, EVENING, true);
        assertEquals(java.util.Set.of("eeb", "E1", "S1"), drill.stream().map(Order::recipientId)
                .collect(Collectors.toSet()));
        assertTrue(drill.stream().allMatch(o -> o.text().startsWith(RulesEngine.EXERCISE_PREFIX)));
        List<Order> widened = RulesEngine.orders(PLAN, new RulesEngine.Request(WarningLevel.RED, WarningLevel.NONE,
                EVENING, true, true, null));
        assertEquals(orders(WarningLevel.NONE, WarningLevel.RED, EVENING, false).size(), widened.size());
        assertTrue(widened.stream().allMatch(o -> o.text().startsWith(RulesEngine.EXERCISE_PREFIX)));
        assertTrue(orders(WarningLevel.NONE, WarningLevel.RED, EVENING, false).stream()
                .noneMatch(o -> o.text().contains("EXERCISE")));
    }

    private static Order primarySchoolAtRed(String time) {
        return byRecipient(orders(WarningLevel.NONE, WarningLevel.RED, OffsetDateTime.parse(time), false)).get("S1");
    }

    @Test
    void schoolTimingRuleAroundTwentyTwoHundred() {
        // Issued before 22:00: classes are suspended the next day; that day outdoor activity stops. Dates, not
        // "today": the SMS may arrive the day before.
        Order before = primarySchoolAtRed("2026-12-01T21:59+08:00");
        assertTrue(before.text().contains("自12月2日起") && before.text().contains("12月1日停止户外活动")
                && !before.text().contains("今日"), before.text());
        // Issued between 22:00 and 06:00: classes are suspended "that day", the coming school day.
        Order after = primarySchoolAtRed("2026-12-01T22:00+08:00");
        assertTrue(after.text().contains("自12月2日起"), after.text());
        assertEquals(OffsetDateTime.parse("2026-12-02T00:00+08:00"), after.deadline());
    }

    @Test
    void schoolTimingRuleAroundSixHundred() {
        Order night = primarySchoolAtRed("2026-12-02T05:59+08:00");
        assertTrue(night.text().contains("自12月2日起") && !night.text().contains("停止户外活动"), night.text());
        // From 06:00 classes go on that day with outdoor activity stopped; the suspension starts the next day.
        Order morning = primarySchoolAtRed("2026-12-02T06:00+08:00");
        assertTrue(morning.text().contains("自12月3日起") && morning.text().contains("12月2日停止户外活动"),
                morning.text());
    }

    @Test
    void universitiesAreNotClosedButStopOutdoorActivity() {
        Order university = byRecipient(orders(WarningLevel.NONE, WarningLevel.RED, EVENING, false)).get("S2");
        assertTrue(university.text().startsWith("停止户外"), university.text());
    }
}
