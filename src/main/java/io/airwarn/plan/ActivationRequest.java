package io.airwarn.plan;

import io.airwarn.core.ApiException;
import io.airwarn.core.SaneDates;
import io.airwarn.core.WarningLevel;
import java.util.Arrays;
import java.util.Locale;

/**
 * The body of preview and activation requests: {@code {"level", "previousLevel", "responseStart", "exercise",
 * "widenExercise"}}; previousLevel defaults to NONE, responseStart is ISO-8601 with an offset, and an exercise
 * reaches only the plan's drill recipients unless widenExercise is true.
 */
public record ActivationRequest(String level, String previousLevel, String responseStart, Boolean exercise,
                                Boolean widenExercise) {

    RulesEngine.Request toRequest() {
        WarningLevel to = level(level, "level", null);
        WarningLevel from = level(previousLevel, "previousLevel", WarningLevel.NONE);
        if (responseStart == null) {
            throw ApiException.badRequest("invalid_request", "responseStart is required (e.g. 2026-12-01T07:00+08:00)");
        }
        return new RulesEngine.Request(to, from, SaneDates.offsetDateTime("responseStart", responseStart),
                Boolean.TRUE.equals(exercise), Boolean.TRUE.equals(widenExercise), null);
    }

    private static WarningLevel level(String value, String field, WarningLevel whenMissing) {
        if (value == null) {
            if (whenMissing == null) {
                throw ApiException.badRequest("invalid_request", field + " is required");
            }
            return whenMissing;
        }
        try {
            return WarningLevel.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_request", field + " '" + value + "' is not one of "
                    + Arrays.toString(WarningLevel.values()));
        }
    }
}
