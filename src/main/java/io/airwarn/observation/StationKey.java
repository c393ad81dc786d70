package io.airwarn.observation;

import io.airwarn.core.FreeText;
import java.util.Optional;

/** A station is named within its city. */
public record StationKey(String cityCode, String name) {

    static final int MAX_NAME_LENGTH = 100;

    /** Why a station name cannot be used, if it cannot. */
    static Optional<String> nameProblem(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("station is required");
        }
        return Optional.ofNullable(FreeText.cellProblem(name, MAX_NAME_LENGTH)).map(problem -> "station is " + problem);
    }
}
