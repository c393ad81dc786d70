package io.airwarn.compliance;

import io.airwarn.core.AirWarnConfig;
import io.airwarn.core.ConfigurationException;
import io.airwarn.plan.Plan;
import io.airwarn.plan.PlanCatalog;
import io.airwarn.plan.PlanRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stack monitors the plans name (enterprises.csv, device_mn) with their passwords, which are kept apart: in
 * {@code AIRWARN_HJ212_PASSWORDS_FILE} ("MN PASSWORD" per line), or, for the SAMPLE plans while demo data are on,
 * {@code AIRWARN_HJ212_DEMO_PASSWORD}. Follows plan reloads: the registry is rebuilt when the catalog changes.
 */
@ApplicationScoped
public class StackDevices {

    /** A registered device: the stack of an enterprise in a unit's plan. */
    public record Device(String mn, String unit, String enterpriseId, String enterpriseName) {
    }

    public enum Check { OK, UNKNOWN_MN, WRONG_PW }

    private record Snapshot(PlanCatalog catalog, Map<String, Device> devices, Map<String, byte[]> passwords,
                            Map<String, List<String>> byEnterprise) {
    }

    private final PlanRegistry plans;
    private final Map<String, String> filePasswords;
    private final boolean demoDevices;
    private final String demoPassword;
    private volatile Snapshot snapshot;

    StackDevices(PlanRegistry plans, AirWarnConfig config) {
        this.plans = plans;
        this.filePasswords = config.hj212().passwordsFile().map(StackDevices::readPasswords).orElse(Map.of());
        this.demoDevices = config.hj212().demoDevices().orElse(config.demo());
        this.demoPassword = config.hj212().demoPassword();
    }

    /** "MN PASSWORD" per line; blank lines and lines starting with # are skipped. */
    static Map<String, String> readPasswords(String file) {
        Map<String, String> passwords = new HashMap<>();
        try {
            int line = 0;
            for (String text : Files.readAllLines(Path.of(file), StandardCharsets.UTF_8)) {
                line++;
                String trimmed = text.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] parts = trimmed.split("\\s+");
                if (parts.length != 2) {
                    throw new ConfigurationException(file + " line " + line + ": expected \"MN PASSWORD\"");
                }
                passwords.put(parts[0], parts[1]);
            }
        } catch (IOException e) {
            throw new ConfigurationException("The HJ 212 passwords file " + file + " cannot be read: "
                    + e.getMessage());
        }
        return Map.copyOf(passwords);
    }

    public Check check(String mn, String password) {
        Snapshot s = current();
        if (mn == null || !s.devices().containsKey(mn)) {
            return Check.UNKNOWN_MN;
        }
        byte[] expected = s.passwords().get(mn);
        return expected != null && password != null
                && MessageDigest.isEqual(expected, password.getBytes(StandardCharsets.UTF_8)) ? Check.OK
                : Check.WRONG_PW;
    }

    public Optional<Device> device(String mn) {
        return Optional.ofNullable(current().devices().get(mn));
    }

    public List<Device> ofUnit(String unit) {
        return current().devices().values().stream().filter(d -> d.unit().equals(unit))
                .sorted(Comparator.comparing(Device::mn)).toList();
    }

    /** The enterprise's stacks (ids are unique across the units' plans). */
    public List<String> ofEnterprise(String enterpriseId) {
        return current().byEnterprise().getOrDefault(enterpriseId, List.of());
    }

    private Snapshot current() {
        PlanCatalog catalog = plans.catalog();
        Snapshot s = snapshot;
        if (s == null || s.catalog() != catalog) {
            s = build(catalog);
            snapshot = s;
        }
        return s;
    }

    private Snapshot build(PlanCatalog catalog) {
        Map<String, Device> devices = new HashMap<>();
        Map<String, byte[]> passwords = new HashMap<>();
        List<String> clashes = new ArrayList<>();
        for (PlanCatalog.InUse inUse : catalog.inUse()) {
            Plan plan = inUse.plan();
            for (Plan.Enterprise e : plan.enterprises()) {
                for (String mn : e.devices()) {
                    Device before = devices.putIfAbsent(mn, new Device(mn, plan.unit(), e.id(), e.name()));
                    if (before != null) {
                        clashes.add(mn + " (" + before.enterpriseId() + ", " + e.id() + ")");
                        continue;
                    }
                    String password = filePasswords.getOrDefault(mn,
                            demoDevices && plan.sample() ? demoPassword : null);
                    if (password != null) {
                        passwords.put(mn, password.getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
        }
        if (!clashes.isEmpty()) {
            Log.warnf("stack monitors named by two enterprises; the first keeps them: %s", clashes);
        }
        Map<String, List<String>> byEnterprise = new HashMap<>();
        devices.values().stream().sorted(Comparator.comparing(Device::mn)).forEach(d -> byEnterprise
                .computeIfAbsent(d.enterpriseId(), k -> new ArrayList<>()).add(d.mn()));
        return new Snapshot(catalog, Map.copyOf(devices), Map.copyOf(passwords), Map.copyOf(byEnterprise));
    }
}
