package io.airwarn.core;

import java.util.Set;
import java.util.TreeSet;

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
    /** The roles of the environment bureau's own staff, who see everything and act as their role allows. */
    public static final Set<String> STAFF_ROLES = Set.of(DUTY_OFFICER, APPROVER, COMMANDER, ADMIN, VIEWER);
    /**
     * A group role, never given to a user: a staff user's identity gets it at sign-in ({@link #withGroups}), so the
     * endpoints every staff member may read say {@code @RolesAllowed(Roles.STAFF)} instead of listing the roles.
     */
    public static final String STAFF = "staff";
    public static final Set<String> ALL = Set.of(DUTY_OFFICER, APPROVER, COMMANDER, ADMIN, VIEWER, ENTERPRISE, SCHOOL,
            UNIT);

    /** Identity attributes of a recipient user: the plan's unit code and the recipient's id in it. */
    public static final String RECIPIENT_UNIT = "airwarn.recipient-unit";
    public static final String RECIPIENT_ID = "airwarn.recipient-id";

    private Roles() {
    }

    /** A user's roles with the groups they belong to: what the identity carries. */
    public static Set<String> withGroups(Set<String> roles) {
        Set<String> all = new TreeSet<>(roles);
        if (roles.stream().anyMatch(STAFF_ROLES::contains)) {
            all.add(STAFF);
        }
        return all;
    }

    /** The user's own roles, without the groups: what screens and the API show. */
    public static Set<String> withoutGroups(Set<String> roles) {
        Set<String> own = new TreeSet<>(roles);
        own.remove(STAFF);
        return own;
    }
}
