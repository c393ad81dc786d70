package io.airwarn.plan;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The plans in use, by unit, and the latest report of every folder. An invalid plan never replaces the last valid
 * one: the unit keeps its previous plan and the report shows why the new one was refused. Pure.
 */
public final class PlanCatalog {

    /** A plan in use with its report and the id of its stored version. */
    public record InUse(Plan plan, PlanReport report, long versionId) {
    }

    private final Map<String, InUse> inUse;
    private final Map<String, PlanReport> reports;

    public PlanCatalog() {
        this(Map.of(), Map.of());
    }

    private PlanCatalog(Map<String, InUse> inUse, Map<String, PlanReport> reports) {
        this.inUse = Map.copyOf(inUse);
        this.reports = Map.copyOf(reports);
    }

    /**
     * The catalog after a reload.
     *
     * @param versionIds the stored version id of each valid plan, by checksum
     */
    public PlanCatalog with(List<PlanFolders.Checked> checked, Map<String, Long> versionIds) {
        Map<String, InUse> nextInUse = new TreeMap<>(inUse);
        Map<String, PlanReport> nextReports = new TreeMap<>();
        for (PlanFolders.Checked c : checked) {
            PlanReport report = c.report();
            nextReports.put(report.folder(), report);
            if (report.valid()) {
                nextInUse.put(report.unit(), new InUse(c.source().plan(), report, versionIds.get(report.checksum())));
            }
        }
        return new PlanCatalog(nextInUse, nextReports);
    }

    public Optional<InUse> plan(String unit) {
        return Optional.ofNullable(inUse.get(unit));
    }

    public List<InUse> inUse() {
        return List.copyOf(inUse.values());
    }

    /** The latest report of each plan folder, valid or not. */
    public List<PlanReport> reports() {
        return reports.values().stream().toList();
    }
}
