package io.airwarn.plan;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One finding about a plan, with where it is: the file, the line (1-based, 0 when the file as a whole is meant)
 * and the field. Errors stop a plan from being used; warnings (a reduction shortfall) are shown but do not.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlanProblem(Severity severity, String file, int line, String field, String message) {

    public enum Severity { ERROR, WARNING }

    public static PlanProblem error(String file, int line, String field, String message) {
        return new PlanProblem(Severity.ERROR, file, line, field, message);
    }

    @Override
    public String toString() {
        return severity + " " + file + (line > 0 ? ":" + line : "") + (field == null ? "" : " [" + field + "]")
                + ": " + message;
    }
}
