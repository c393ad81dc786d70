package io.airwarn.aqi;

/** Lets tests of other packages use the shipped tables. */
public final class TablesAccess {
    private TablesAccess() {
    }

    public static BreakpointTable hj6332012() {
        return Tables.HJ633_2012;
    }

    public static BreakpointTable hj6332026() {
        return Tables.HJ633_2026;
    }
}
