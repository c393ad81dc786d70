package io.airwarn.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.airwarn.core.WarningLevel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per kind of error, each checking the reported file, line and field. */
class PlanValidatorTest {

    @TempDir
    Path temp;

    private static PlanProblem only(PlanReport report) {
        List<PlanProblem> errors = report.problems().stream()
                .filter(p -> p.severity() == PlanProblem.Severity.ERROR).toList();
        assertEquals(1, errors.size(), errors.toString());
        assertFalse(report.valid());
        return errors.get(0);
    }

    private static void assertAt(PlanProblem p, String file, int line, String field) {
        assertEquals(file, p.file(), p.toString());
        assertEquals(line, p.line(), p.toString());
        assertEquals(field, p.field(), p.toString());
    }

    @Test
    void theHandMadePlanIsValid() {
        PlanReport report = SmallPlan.validate(Path.of("src/test/resources/plans/small"));
        assertTrue(report.valid(), report.problems().toString());
        assertEquals(4, report.enterprises());
        assertEquals(2, report.schools());
    }

    @Test
    void reductionCheckAsWorkedOutByHand() {
        // Mandatory cuts (C and B enterprises; A and leading are voluntary and do not count), t/day:
        //   YELLOW SO2 0.6+0.5 = 1.1 of 10 = 11 %; NOx 1.2+0.9 = 2.1 of 20 = 10.5 %; PM 0.35+0.2 = 0.55 of 5 = 11 %
        //   ORANGE NOx 2.2+2.0 = 4.2 of 20 = 21 %
        //   RED    SO2 1.6+1.5 = 3.1 of 10 = 31 %; NOx 3.2+2.5 = 5.7 of 20 = 28.5 %, short of 30 % by 0.3 t/day
        List<ReductionCheck> checks = PlanValidator.reductionCheck(SmallPlan.plan(), SmallPlan.NATIONAL);
        assertEquals(12, checks.size());
        ReductionCheck yellowNox = find(checks, WarningLevel.YELLOW, Emissions.Pollutant.NOX);
        assertEquals(2.1, yellowNox.reduction(), 1e-9);
        assertEquals(0.105, yellowNox.achievedShare(), 1e-9);
        assertTrue(yellowNox.met());
        assertEquals(0.11, find(checks, WarningLevel.YELLOW, Emissions.Pollutant.PM).achievedShare(), 1e-9);
        assertEquals(0.21, find(checks, WarningLevel.ORANGE, Emissions.Pollutant.NOX).achievedShare(), 1e-9);
        assertEquals(0.31, find(checks, WarningLevel.RED, Emissions.Pollutant.SO2).achievedShare(), 1e-9);
        ReductionCheck redNox = find(checks, WarningLevel.RED, Emissions.Pollutant.NOX);
        assertEquals(0.285, redNox.achievedShare(), 1e-9);
        assertEquals(0.3, redNox.shortfall(), 1e-9);
        assertFalse(redNox.met());
        assertEquals(1, checks.stream().filter(c -> !c.met()).count());

        PlanReport report = SmallPlan.validate(Path.of("src/test/resources/plans/small"));
        PlanProblem warning = report.problems().get(0);
        assertEquals(PlanProblem.Severity.WARNING, warning.severity());
        assertAt(warning, "plan.yaml", 12, "emissions.nox");
        assertTrue(warning.message().contains("short by 0.30 t/day"), warning.message());
        assertTrue(report.valid(), "a shortfall is shown, not a reason to refuse the plan");
    }

    private static ReductionCheck find(List<ReductionCheck> checks, WarningLevel level, Emissions.Pollutant p) {
        return checks.stream().filter(c -> c.level() == level && c.pollutant() == p).findFirst().orElseThrow();
    }

    @Test
    void unknownFieldInPlanYaml() throws IOException {
        Path folder = SmallPlan.copyTo(temp);
        SmallPlan.replace(folder.resolve("plan.yaml"), "sample: true", "sample: true\nsampel: true");
        assertAt(only(SmallPlan.validate(folder)), "plan.yaml", 5, "sampel");
    }

    @Test
    void missingRequiredField() throws IOException {
        Path folder = SmallPlan.copyTo(temp);
        SmallPlan.replace(folder.resolve("plan.yaml"), "    deadlineHours: 24\n", "");
        PlanProblem p = only(SmallPlan.validate(folder));
        assertAt(p, "plan.yaml", 38, "measures[1].deadlineHours");
        assertTrue(p.message().contains("required"));
    }

    @Test
    void unknownUnit() throws IOException {
        Path folder = SmallPlan.copyTo(temp);
        SmallPlan.replace(folder.resolve("plan.yaml"), "unit: \"220300\"", "unit: \"229999\"");
        assertAt(only(SmallPlan.validate(folder)), "plan.yaml", 2, "unit");
    }

    @Test
    void unknownLevel() throws IOException {
        Path folder = SmallPlan.copyTo(temp);
        SmallPlan.replace(folder.resolve("plan.yaml"), "level: ORANGE", "level: PURPLE");
        PlanReport report = SmallPlan.validate(folder);
        assertFalse(report.valid());
        // The measure is dropped, so ORANGE also lacks an INDUSTRY measure: reported second.
        PlanProblem p = report.problems().get(0);
        assertAt(p, "plan.yaml", 45, "measures[2].level");
        assertTrue(p.message().contains("PURPLE"));
    }

    @Test
    void duplicateEnterpriseId() throws IOException {
        Path folder = SmallPlan.copyTo(temp);
        SmallPlan.replace(folder.resolve("enterprises.csv"), "E2,Test B works", "E1,Test B works");
        PlanProblem p = only(SmallPlan.validate(folder));
        assertAt(p, "enterprises.csv", 3, "id");
        assertTrue(p.message().contains("first on line 2"));
    }

    @Test
    void invalidPhoneNumberByLibphonenumber() throws IOException {
        Path folder = SmallPlan.copyTo(temp);
        // Eleven digits after +86 like a mobile, but 120 is not a mobile prefix.
        SmallPlan.replace(folder.resolve("schools.csv"), "+8613700000002", "+8612000000002");
        assertAt(only(SmallPlan.validate(folder)), "schools.csv", 3, "contact_mobile");
    }

    @Test
    void aPhoneNumberWithoutCountryCodeIsRefused() throws IOException {
        Path folder = SmallPlan.copyTo(temp);
        SmallPlan.replace(folder.resolve("enterprises.csv"), "+8613800000002", "13800000002");
        PlanProblem p = only(SmallPlan.validate(folder));
        assertAt(p, "enterprises.csv", 3, "contact_mobile");
        assertTrue(p.message().contains("E.164"));
    }

    @Test
    void measureAssignedToAMissingUnit() throws IOException {
        Path folder = SmallPlan.copyTo(temp);
        SmallPlan.replace(folder.resolve("plan.yaml"), "    unit: education\n    deadlineHours: 6\n    text: \"Schools stop",
                "    unit: schools-office\n    deadlineHours: 6\n    text: \"Schools stop");
        assertAt(only(SmallPlan.validate(folder)), "plan.yaml", 50, "measures.orange-schools.unit");
    }

    @Test
    void gradedEnterpriseWithoutAMeasureForALevel() throws IOException {
        Path folder = SmallPlan.copyTo(temp);
        SmallPlan.replace(folder.resolve("enterprises.csv"), "stop one line,1.0,2.0,0.5,0.9", ",,,,");
        PlanProblem p = only(SmallPlan.validate(folder));
        assertAt(p, "enterprises.csv", 3, "orange_measure");
    }

    @Test
    void aLevelLessStrictThanTheLevelBelow() throws IOException {
        Path folder = SmallPlan.copyTo(temp);
        SmallPlan.replace(folder.resolve("enterprises.csv"), "stop two lines,1.5,2.5,0.7,1.2",
                "stop two lines,1.5,1.9,0.7,1.2");
        PlanProblem p = only(SmallPlan.validate(folder));
        assertAt(p, "enterprises.csv", 3, "red_nox");
        assertTrue(p.message().contains("less strict"));
    }

    @Test
    void aDomainMissingAtAHigherLevel() throws IOException {
        Path folder = SmallPlan.copyTo(temp);
        SmallPlan.replace(folder.resolve("plan.yaml"), "  - id: red-schools\n    level: RED\n    domain: SCHOOLS",
                "  - id: red-schools\n    level: RED\n    domain: DUST");
        PlanProblem p = only(SmallPlan.validate(folder));
        assertEquals("plan.yaml", p.file());
        assertTrue(p.message().contains("RED has no SCHOOLS measure"), p.message());
    }

    @Test
    void aDrillRecipientMustBeInThePlan() throws IOException {
        Path folder = SmallPlan.copyTo(temp);
        SmallPlan.replace(folder.resolve("plan.yaml"), "drillRecipients: [eeb, E1, S1]", "drillRecipients: [eeb, E9]");
        PlanProblem p = only(SmallPlan.validate(folder));
        assertEquals("drillRecipients", p.field());
        assertTrue(p.message().contains("E9"));
    }

    @Test
    void brokenCsvStructure() throws IOException {
        Path folder = SmallPlan.copyTo(temp);
        SmallPlan.replace(folder.resolve("schools.csv"), "S2,Test university,d2,UNIVERSITY,12000,+8613700000002",
                "S2,Test university,d2");
        assertAt(only(SmallPlan.validate(folder)), "schools.csv", 3, null);
    }

    @Test
    void allShippedPlansValidate() {
        List<PlanFolders.Checked> checked = PlanFolders.check(Path.of("contingency-plans"),
                c -> SmallPlan.CITIES.find(c).isPresent(), SmallPlan.NATIONAL);
        assertEquals(12, checked.size());
        for (PlanFolders.Checked c : checked) {
            assertTrue(c.report().valid(), c.report().folder() + ": " + c.report().problems());
            assertTrue(c.report().sample(), "shipped plans are marked as samples");
            assertTrue(c.report().problems().isEmpty(), c.report().folder() + ": " + c.report().problems());
        }
    }
}
