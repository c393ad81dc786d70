package io.airwarn.warning;

import io.airwarn.core.WarningLevel;
import java.time.LocalDate;

/** The level a forecast supports, and the run that set it (onset null and days 0 for NONE). */
public record CriteriaResult(WarningLevel level, LocalDate onset, int days, String reason) {
}
