package io.airwarn.core;

import java.util.Set;

/** The roles of AirWarn. */
public final class Roles {

    public static final String DUTY_OFFICER = "duty-officer";
    public static final String APPROVER = "approver";
    public static final String COMMANDER = "commander";
    public static final String ADMIN = "admin";
    public static final String VIEWER = "viewer";
    /** Recipients of orders, who see and acknowledge only their own: an enterprise, a school, a responsible unit. */
    public static final String ENTERPRISE = "enterprise";
    public static final String SCHOOL = "school";
    public static final String UNIT = "unit";

    public static final Set<String> RECIPIENTS = Set.of(ENTERPRISE, SCHOOL, UNIT);
    public static final Set<String> ALL = Set.of(DUTY_OFFICER, APPROVER, COMMANDER, ADMIN, VIEWER, ENTERPRISE, SCHOOL,
            UNIT);

    /** Identity attributes of a recipient user: the plan's unit code and the recipient's id in it. */
    public static final String RECIPIENT_UNIT = "airwarn.recipient-unit";
    public static final String RECIPIENT_ID = "airwarn.recipient-id";

    private Roles() {
    }
}
