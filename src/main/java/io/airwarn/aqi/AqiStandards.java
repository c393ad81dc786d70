package io.airwarn.aqi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The breakpoint tables known to this installation and the one it uses by default. */
public final class AqiStandards {

    private final Map<String, BreakpointTable> tables;
    private final BreakpointTable defaultTable;

    public AqiStandards(Map<String, BreakpointTable> tables, String defaultId) {
        this.tables = new LinkedHashMap<>(tables);
        this.defaultTable = tables.get(defaultId);
        if (defaultTable == null) {
            throw new IllegalArgumentException("unknown AQI standard " + defaultId + "; known: " + tables.keySet());
        }
    }

    public Optional<BreakpointTable> find(String id) {
        return Optional.ofNullable(tables.get(id));
    }

    public BreakpointTable defaultTable() {
        return defaultTable;
    }

    public Set<String> ids() {
        return tables.keySet();
    }
}
