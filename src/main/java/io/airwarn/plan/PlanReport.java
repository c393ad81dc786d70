package io.airwarn.plan;

import java.util.List;

/** The validation of one plan folder: whether it may be used, every problem, and the reduction check. */
public record PlanReport(String folder, String unit, String version, String checksum, boolean sample, boolean valid,
                         int enterprises, int schools, List<PlanProblem> problems, List<ReductionCheck> reductions) {

    public long errors() {
        return problems.stream().filter(p -> p.severity() == PlanProblem.Severity.ERROR).count();
    }
}
