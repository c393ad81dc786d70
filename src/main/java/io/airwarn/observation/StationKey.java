package io.airwarn.observation;

import java.util.Optional;

/** A station is named within its city. */
public record StationKey(String cityCode, String name) {

    static final int MAX_NAME_LENGTH = 100;

    /** Why a station name cannot be used, if it cannot. */
    static Optional<String> nameProblem(String name) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH
                || name.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("station must be 1-" + MAX_NAME_LENGTH + " printable characters");
        }
        return Optional.empty();
    }
}
