package io.airwarn.core;

/** Warning levels in ascending order of severity (BLUE exists only in the 2017 four-level scheme). */
public enum WarningLevel {
    NONE, BLUE, YELLOW, ORANGE, RED;

    public boolean atLeast(WarningLevel other) {
        return compareTo(other) >= 0;
    }

    /** The levels enterprises and the reduction check have measures for. */
    public static final WarningLevel[] RESPONSE_LEVELS = {YELLOW, ORANGE, RED};
}
