package io.airwarn.plan;

import io.airwarn.core.MobileNumbers;
import io.airwarn.core.WarningLevel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Checks a plan before it is used: everything the reader found, plus unknown units, invalid mobile numbers,
 * measures assigned to units the plan does not have, enterprises without a measure for a level, levels less strict
 * than the level below, and the national reduction check. Pure.
 */
public final class PlanValidator {

    private PlanValidator() {
    }

    /**
     * @param knownUnit     whether a unit code is one of AirWarn's units
     * @param minimumShare  the national minimum cut per level, as a share of city emissions
     */
    public static PlanReport validate(PlanSource source, Predicate<String> knownUnit,
                                      Map<WarningLevel, Double> minimumShare) {
        List<PlanProblem> problems = new ArrayList<>(source.problems());
        Plan plan = source.plan();
        List<ReductionCheck> reductions = List.of();
        if (plan != null) {
            new Checks(plan, source.lines(), problems).run(knownUnit);
            if (plan.emissions() != null) {
                reductions = reductionCheck(plan, minimumShare);
                for (ReductionCheck r : reductions) {
                    if (!r.met()) {
                        problems.add(new PlanProblem(PlanProblem.Severity.WARNING, PlanSource.PLAN_FILE,
                                source.lines().emissions(), "emissions." + r.pollutant().name().toLowerCase(),
                                String.format("%s cuts %.2f t/day of %s = %.1f %% of the city's %.2f t/day; the national "
                                                + "minimum is %.0f %%, short by %.2f t/day", r.level(), r.reduction(),
                                        r.pollutant(), 100 * r.achievedShare(), r.cityTotal(), 100 * r.requiredShare(),
                                        r.shortfall())));
                    }
                }
            }
        }
        boolean valid = plan != null && problems.stream().noneMatch(p -> p.severity() == PlanProblem.Severity.ERROR);
        return new PlanReport(source.folder(), plan == null ? null : plan.unit(), plan == null ? null : plan.version(),
                source.checksum(), plan != null && plan.sample(), valid,
                plan == null ? 0 : plan.enterprises().size(), plan == null ? 0 : plan.schools().size(), problems,
                reductions);
    }

    /** Mandatory cuts per level and pollutant against the city's emissions; voluntary (A, leading) cuts do not count. */
    public static List<ReductionCheck> reductionCheck(Plan plan, Map<WarningLevel, Double> minimumShare) {
        List<ReductionCheck> checks = new ArrayList<>();
        for (WarningLevel level : WarningLevel.RESPONSE_LEVELS) {
            Emissions cut = mandatoryCut(plan, level);
            double required = minimumShare.getOrDefault(level, 0.0);
            for (Emissions.Pollutant p : Emissions.Pollutant.values()) {
                double total = plan.emissions().get(p);
                double share = total == 0 ? 1 : cut.get(p) / total;
                double shortfall = Math.max(0, required * total - cut.get(p));
                checks.add(new ReductionCheck(level, p, total, cut.get(p), share, required, shortfall,
                        share >= required));
            }
        }
        return checks;
    }

    static Emissions mandatoryCut(Plan plan, WarningLevel level) {
        Emissions sum = Emissions.ZERO;
        for (Plan.Enterprise e : plan.enterprises()) {
            Plan.EnterpriseMeasure m = e.measure(level);
            if (m != null && e.grade() != null && !e.grade().voluntary()) {
                sum = sum.plus(m.reduction());
            }
        }
        return sum;
    }

    /** The checks that need the whole plan. */
    private record Checks(Plan plan, PlanSource.Lines lines, List<PlanProblem> problems) {

        void run(Predicate<String> knownUnit) {
            if (plan.unit() != null && !knownUnit.test(plan.unit())) {
                error(PlanSource.PLAN_FILE, lines.unitCode(), "unit", "unknown unit " + plan.unit()
                        + "; see GET /api/cities");
            }
            phones();
            Set<String> unitIds = new HashSet<>();
            plan.responsibleUnits().forEach(u -> unitIds.add(u.id()));
            for (Plan.CityMeasure m : plan.measures()) {
                if (!unitIds.contains(m.unit())) {
                    error(PlanSource.PLAN_FILE, lines.measures().getOrDefault(m.id(), 0), "measures." + m.id() + ".unit",
                            "measure assigned to unit '" + m.unit() + "', which the plan does not list");
                }
                if (m.deadlineHours() < 0) {
                    error(PlanSource.PLAN_FILE, lines.measures().getOrDefault(m.id(), 0),
                            "measures." + m.id() + ".deadlineHours", "must not be negative");
                }
            }
            for (Plan.Enterprise e : plan.enterprises()) {
                int line = lines.enterprises().getOrDefault(e.id(), 0);
                if (!unitIds.contains(e.supervisor())) {
                    error(PlanSource.ENTERPRISES_FILE, line, "supervisor", "supervising unit '" + e.supervisor()
                            + "' is not among the plan's responsible units");
                }
                enterpriseMeasures(e, line);
            }
            cityMeasuresStricterUpwards();
            Set<String> recipients = new HashSet<>(unitIds);
            plan.enterprises().forEach(e -> recipients.add(e.id()));
            plan.schools().forEach(sc -> recipients.add(sc.id()));
            recipients.add(Plan.PUBLIC);
            plan.drillRecipients().stream().filter(id -> !recipients.contains(id)).forEach(id -> error(
                    PlanSource.PLAN_FILE, 0, "drillRecipients", "drill recipient '" + id + "' is not in the plan"));
            Plan.SchoolRule rule = plan.schoolRule();
            if (rule != null && rule.stopOutdoorFrom() != null && rule.suspendClassesAt() != null
                    && rule.suspendClassesAt().compareTo(rule.stopOutdoorFrom()) < 0) {
                error(PlanSource.PLAN_FILE, 0, "schoolRule.suspendClassesAt",
                        "classes cannot be suspended at a lower level than outdoor activity stops");
            }
        }

        private void phones() {
            if (plan.command() != null && plan.command().officeMobile() != null) {
                MobileNumbers.problem(plan.command().officeMobile()).ifPresent(p ->
                        error(PlanSource.PLAN_FILE, 0, "command.officeMobile", p));
            }
            for (Plan.ResponsibleUnit u : plan.responsibleUnits()) {
                MobileNumbers.problem(u.contactMobile()).ifPresent(p -> error(PlanSource.PLAN_FILE,
                        lines.units().getOrDefault(u.id(), 0), "responsibleUnits." + u.id() + ".contactMobile", p));
            }
            for (Plan.Enterprise e : plan.enterprises()) {
                MobileNumbers.problem(e.contactMobile()).ifPresent(p -> error(PlanSource.ENTERPRISES_FILE,
                        lines.enterprises().getOrDefault(e.id(), 0), "contact_mobile", p));
            }
            for (Plan.School s : plan.schools()) {
                MobileNumbers.problem(s.contactMobile()).ifPresent(p -> error(PlanSource.SCHOOLS_FILE,
                        lines.schools().getOrDefault(s.id(), 0), "contact_mobile", p));
            }
        }

        private void enterpriseMeasures(Plan.Enterprise e, int line) {
            if (e.grade() == null) {
                return;
            }
            boolean graded = e.grade() == Plan.Grade.B || e.grade() == Plan.Grade.C || e.grade() == Plan.Grade.D;
            Plan.EnterpriseMeasure lower = null;
            for (WarningLevel level : WarningLevel.RESPONSE_LEVELS) {
                Plan.EnterpriseMeasure m = e.measure(level);
                if (m == null) {
                    if (graded) {
                        error(PlanSource.ENTERPRISES_FILE, line, level.name().toLowerCase() + "_measure",
                                "grade " + e.grade() + " enterprise " + e.id() + " has no measure for " + level);
                    }
                    continue;
                }
                if (lower != null) {
                    for (Emissions.Pollutant p : Emissions.Pollutant.values()) {
                        if (m.reduction().get(p) < lower.reduction().get(p)) {
                            error(PlanSource.ENTERPRISES_FILE, line, level.name().toLowerCase() + "_"
                                    + p.name().toLowerCase(), level + " cuts less " + p + " (" + m.reduction().get(p)
                                    + " t/day) than " + lower.level() + " (" + lower.reduction().get(p)
                                    + "): a level must not be less strict than the level below");
                        }
                    }
                }
                lower = m;
            }
        }

        /** A domain with measures at one level must have measures at every higher level. */
        private void cityMeasuresStricterUpwards() {
            Map<WarningLevel, Set<Plan.Domain>> domains = new EnumMap<>(WarningLevel.class);
            for (WarningLevel level : WarningLevel.values()) {
                domains.put(level, EnumSet.noneOf(Plan.Domain.class));
            }
            plan.measures().forEach(m -> domains.get(m.level()).add(m.domain()));
            WarningLevel[] levels = WarningLevel.RESPONSE_LEVELS;
            for (int i = 1; i < levels.length; i++) {
                for (Plan.Domain d : domains.get(levels[i - 1])) {
                    if (!domains.get(levels[i]).contains(d)) {
                        error(PlanSource.PLAN_FILE, 0, "measures", levels[i] + " has no " + d + " measure although "
                                + levels[i - 1] + " has: a level must not be less strict than the level below");
                    }
                }
            }
        }

        private void error(String file, int line, String field, String message) {
            problems.add(PlanProblem.error(file, line, field, message));
        }
    }
}
