package io.airwarn.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.airwarn.compliance.Curtailment.Result;
import io.airwarn.compliance.Curtailment.StackHour;
import io.airwarn.compliance.Curtailment.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CurtailmentTest {

    private static final Instant START = Instant.parse("2026-12-01T16:00:00Z"); // 00:00 Beijing time
    private static final Duration H = Duration.ofHours(1);

    /** A stack-hour emitting {@code kg} kg/h in all, split over SO2, NOx and dust, every value flagged {@code flag}. */
    private static List<StackHour> hour(String mn, Instant at, double kg, String flag) {
        return List.of(new StackHour(mn, "a21026", at, 30.0, kg * 0.2, flag),
                new StackHour(mn, "a21002", at, 90.0, kg * 0.7, flag),
                new StackHour(mn, "a34013", at, 8.0, kg * 0.1, flag));
    }

    private static List<StackHour> baseline(String mn, double kg) {
        List<StackHour> list = new ArrayList<>();
        for (Instant t = START.minus(Duration.ofDays(14)); t.isBefore(START); t = t.plus(H)) {
            list.addAll(hour(mn, t, kg, "N"));
        }
        return list;
    }

    /** Hours of the response with these rates (null: the stack is silent that hour). */
    private static List<StackHour> response(String mn, String flag, Double... kg) {
        List<StackHour> list = new ArrayList<>();
        for (int i = 0; i < kg.length; i++) {
            if (kg[i] != null) {
                list.addAll(hour(mn, START.plus(H.multipliedBy(i)), kg[i], flag));
            }
        }
        return list;
    }

    private static Result check(List<String> stacks, List<StackHour> baseline, List<StackHour> response, int hours) {
        Curtailment.Baseline sums = new Curtailment.Baseline();
        sums.add(baseline);
        return Curtailment.check(stacks, sums, response, h -> 0.5, START, START.plus(H.multipliedBy(hours)));
    }

    @Test
    void aCutAtOrAboveTheRequiredShareIsCompliant() {
        Result r = check(List.of("S1"), baseline("S1", 10), response("S1", "N", 4.0, 5.0, 4.5), 3);
        assertEquals(Status.COMPLIANT, r.status());
        assertEquals(3, r.validHours());
        assertEquals(1 - 13.5 / 30, r.measuredCut(), 1e-9);
        assertEquals(3 * 2 - 0.2 * 13.5, r.hours().stream().mapToDouble(h -> h.avoidedKg()[0]).sum(), 1e-9,
                "SO2 avoided: 2 kg/h at the baseline, a fifth of each hour's rate since");
    }

    @Test
    void threeValidHoursInARowShortOfTheCutAreNotCompliant() {
        assertEquals(Status.NOT_COMPLIANT, check(List.of("S1"), baseline("S1", 10),
                response("S1", "N", 4.0, 8.0, 7.0, 9.0, 4.0), 5).status());
        assertEquals(Status.COMPLIANT, check(List.of("S1"), baseline("S1", 10),
                response("S1", "N", 8.0, 8.0, 4.0, 8.0, 8.0), 5).status(), "two short hours, then one met");
        assertEquals(Status.COMPLIANT, check(List.of("S1"), baseline("S1", 10),
                response("S1", "N", 8.0, 8.0, null, 8.0, 8.0), 5).status(), "a silent hour is no evidence either way");
    }

    @Test
    void flaggedOrMissingValuesAreNoEvidence() {
        Result maintenance = check(List.of("S1"), baseline("S1", 10), response("S1", "M", 9.0, 9.0, 9.0, 9.0), 4);
        assertEquals(Status.NO_DATA, maintenance.status());
        assertNull(maintenance.measuredCut());
        assertEquals(Status.NO_DATA, check(List.of("S1"), baseline("S1", 10), List.of(), 4).status(), "silent");
        assertEquals(Status.NO_DATA, check(List.of("S1"), List.of(), response("S1", "N", 1.0, 1.0, 1.0), 3).status(),
                "no baseline to compare with");
        assertEquals(Status.NO_DEVICE, check(List.of(), List.of(), List.of(), 3).status());
    }

    @Test
    void anEnterpriseIsJudgedOnAllItsStacksTogether() {
        List<StackHour> base = new ArrayList<>(baseline("S1", 10));
        base.addAll(baseline("S2", 10));
        List<StackHour> during = new ArrayList<>(response("S1", "N", 10.0, 10.0, 10.0));
        during.addAll(response("S2", "N", 0.0, 0.0, 0.0));
        Result r = check(List.of("S1", "S2"), base, during, 3);
        assertEquals(Status.COMPLIANT, r.status(), "one stack stopped, the other as before: half the emissions");
        assertEquals(0.5, r.measuredCut(), 1e-9);
        during = new ArrayList<>(response("S1", "N", 0.0, 0.0, 0.0));
        assertEquals(Status.NO_DATA, check(List.of("S1", "S2"), base, during, 3).status(),
                "a silent stack leaves the enterprise's hours without a verdict");
    }

    @Test
    void withoutATotalTheRateIsConcentrationTimesFlow() {
        Instant t = START;
        List<StackHour> base = List.of(new StackHour("S1", "a21026", t.minus(Duration.ofDays(1)), 100.0, null, "N"),
                new StackHour("S1", "a00000", t.minus(Duration.ofDays(1)), 10.0, null, "N"));
        // 100 mg/m³ x 10 m³/s x 3600 s = 3.6 kg/h; then 40 mg/m³ at the same flow: 1.44 kg/h, a cut of 60 %.
        List<StackHour> during = List.of(new StackHour("S1", "a21026", t, 40.0, null, "N"),
                new StackHour("S1", "a00000", t, 10.0, null, "N"));
        Result r = check(List.of("S1"), base, during, 1);
        assertEquals(3.6, r.hours().get(0).baseline(), 1e-9);
        assertEquals(1.44, r.hours().get(0).rate(), 1e-9);
        assertEquals(Status.COMPLIANT, r.status());
    }
}
