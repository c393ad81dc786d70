package io.airwarn.user;

import java.util.Set;

/** The roles of AirWarn. */
public final class Roles {

    public static final String DUTY_OFFICER = "duty-officer";
    public static final String APPROVER = "approver";
    public static final String COMMANDER = "commander";
    public static final String ADMIN = "admin";
    public static final String VIEWER = "viewer";

    public static final Set<String> ALL = Set.of(DUTY_OFFICER, APPROVER, COMMANDER, ADMIN, VIEWER);

    private Roles() {
    }
}
