package io.airwarn.warning;

import io.airwarn.core.BeijingTime;
import io.airwarn.core.WarningLevel;
import io.airwarn.core.Yaml;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who may approve which level, the four-eyes rule and the lead-time rule, from {@code warning-approval.yaml}. Pure
 * once read.
 */
public final class ApprovalPolicy {

    record File(Map<WarningLevel, List<String>> approvers, Integer leadTimeHours, Integer liftAfterHours,
                Integer regionalMinUnits) {
    }

    private final Map<WarningLevel, Set<String>> approvers;
    private final Duration leadTime;
    private final int liftAfterHours;
    private final int regionalMinUnits;

    ApprovalPolicy(Map<WarningLevel, Set<String>> approvers, Duration leadTime, int liftAfterHours,
                   int regionalMinUnits) {
        this.approvers = approvers;
        this.leadTime = leadTime;
        this.liftAfterHours = liftAfterHours;
        this.regionalMinUnits = regionalMinUnits;
    }

    public static ApprovalPolicy read(InputStream in, String fileName) {
        File f = Yaml.read(in, File.class, fileName);
        if (f.approvers() == null || f.leadTimeHours() == null || f.liftAfterHours() == null
                || f.regionalMinUnits() == null) {
            throw new IllegalArgumentException(fileName + ": approvers, leadTimeHours, liftAfterHours and "
                    + "regionalMinUnits are required");
        }
        Map<WarningLevel, Set<String>> approvers = new EnumMap<>(WarningLevel.class);
        for (WarningLevel level : WarningLevel.values()) {
            List<String> roles = f.approvers().get(level);
            if (roles == null || roles.isEmpty()) {
                throw new IllegalArgumentException(fileName + ": approvers." + level + " names nobody");
            }
            approvers.put(level, Set.copyOf(roles));
        }
        return new ApprovalPolicy(approvers, Duration.ofHours(f.leadTimeHours()), f.liftAfterHours(),
                f.regionalMinUnits());
    }

    /**
     * Why {@code actor} may not approve a warning at {@code level}, if not.
     *
     * @param authors who drafted or submitted what is being approved
     */
    public Optional<String> refusal(String actor, Set<String> roles, WarningLevel level, Set<String> authors) {
        if (authors.contains(actor)) {
            return Optional.of(actor + " drafted or submitted this and cannot approve it (four-eyes rule)");
        }
        Set<String> allowed = approvers.get(level);
        if (roles.stream().noneMatch(allowed::contains)) {
            return Optional.of((level == WarningLevel.NONE ? "lifting" : level + "") + " needs one of the roles "
                    + allowed);
        }
        return Optional.empty();
    }

    /** Why a warning issued now with this onset breaks the lead-time rule, if it does. */
    public Optional<String> leadTimeProblem(Instant issued, Instant onset, boolean observedHeavy) {
        if (observedHeavy || !onset.isBefore(issued.plus(leadTime))) {
            return Optional.empty();
        }
        return Optional.of("the onset " + BeijingTime.minute(onset.atOffset(ZoneOffset.UTC)) + " (Beijing time) is less "
                + "than " + leadTime.toHours() + " h after issue; issue earlier, move the onset, or record that heavy "
                + "pollution is already observed");
    }

    /** How long before its onset a warning must be issued, unless heavy pollution is already observed. */
    public Duration leadTime() {
        return leadTime;
    }

    public int liftAfterHours() {
        return liftAfterHours;
    }

    public int regionalMinUnits() {
        return regionalMinUnits;
    }
}
