package io.airwarn.aqi;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The breakpoint tables known to this installation and the one it uses by default. */
public final class AqiStandards {

    private final Map<String, BreakpointTable> tables;
    private final BreakpointTable defaultTable;

    public AqiStandards(Map<String, BreakpointTable> tables, String defaultId) {
        this.tables = new LinkedHashMap<>(tables);
        this.defaultTable = find(defaultId).orElseThrow(() -> new IllegalArgumentException(
                "unknown AQI standard " + defaultId + "; known: " + tables.keySet()));
    }

    /** Finds a table by id, forgiving spacing, case and the dash forms used in print ("HJ 633—2012"). */
    public Optional<BreakpointTable> find(String id) {
        String wanted = normalise(id);
        return tables.values().stream().filter(t -> normalise(t.id()).equals(wanted)).findFirst();
    }

    private static String normalise(String id) {
        return id.replaceAll("\\s+", "").replace('—', '-').replace('–', '-').toUpperCase(Locale.ROOT);
    }

    public BreakpointTable defaultTable() {
        return defaultTable;
    }

    public Set<String> ids() {
        return tables.keySet();
    }
}
