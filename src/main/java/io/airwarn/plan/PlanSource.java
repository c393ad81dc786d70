package io.airwarn.plan;

import java.util.List;
import java.util.Map;

/**
 * A plan as read from its folder: the plan (built from whatever parts could be read), the problems met while
 * reading, where each item stands in the files, and a checksum over the files that identifies the version.
 */
public record PlanSource(String folder, Plan plan, List<PlanProblem> problems, Lines lines, String checksum) {

    /** Line numbers by id, for problems found after reading. */
    public record Lines(Map<String, Integer> units, Map<String, Integer> measures, Map<String, Integer> enterprises,
                        Map<String, Integer> schools, int emissions, int unitCode) {
    }

    public static final String PLAN_FILE = "plan.yaml";
    public static final String ENTERPRISES_FILE = "enterprises.csv";
    public static final String SCHOOLS_FILE = "schools.csv";
}
