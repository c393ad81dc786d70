package io.airwarn.aqi;

import io.airwarn.core.Yaml;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code aqi-standards.yaml} and checks every table before it can be used: all ten items present, breakpoints
 * starting at 0 and strictly increasing, truncated columns naming their fallback. Errors name the file and the table.
 */
public final class AqiStandardsReader {

    record File(List<Standard> standards) {
    }

    record Standard(String id, String title, String source, BreakpointTable.HourlyParticulates hourlyParticulates,
                    List<Integer> iaqi, Map<String, Item> items) {
    }

    record Item(List<BigDecimal> breakpoints, String aboveTopUse) {
    }

    private AqiStandardsReader() {
    }

    public static Map<String, BreakpointTable> read(InputStream in, String fileName) {
        File file = Yaml.read(in, File.class, fileName);
        if (file.standards() == null || file.standards().isEmpty()) {
            throw new IllegalArgumentException(fileName + ": no standards defined");
        }
        Map<String, BreakpointTable> tables = new LinkedHashMap<>();
        for (Standard standard : file.standards()) {
            BreakpointTable table = toTable(standard, fileName);
            if (tables.put(table.id(), table) != null) {
                throw new IllegalArgumentException(fileName + ": standard " + table.id() + " is defined twice");
            }
        }
        return tables;
    }

    private static BreakpointTable toTable(Standard s, String fileName) {
        String where = fileName + ", standard " + s.id() + ": ";
        if (s.id() == null || s.id().isBlank()) {
            throw new IllegalArgumentException(fileName + ": a standard has no id");
        }
        if (s.hourlyParticulates() == null) {
            throw new IllegalArgumentException(where + "hourlyParticulates is required (MOVING_24H or HOURLY)");
        }
        List<Integer> levels = s.iaqi();
        if (levels == null || levels.size() < 2 || levels.get(0) != 0 || !strictlyIncreasingInts(levels)) {
            throw new IllegalArgumentException(where + "iaqi must start at 0 and increase strictly");
        }
        if (s.items() == null) {
            throw new IllegalArgumentException(where + "items are missing");
        }
        Map<AqiItem, BreakpointTable.Column> columns = new EnumMap<>(AqiItem.class);
        for (Map.Entry<String, Item> entry : s.items().entrySet()) {
            AqiItem item = AqiItem.fromKey(entry.getKey());
            if (item == null) {
                throw new IllegalArgumentException(where + "unknown item " + entry.getKey());
            }
            columns.put(item, toColumn(item, entry.getValue(), levels.size(), where));
        }
        for (AqiItem item : AqiItem.values()) {
            if (!columns.containsKey(item)) {
                throw new IllegalArgumentException(where + "item " + item + " is missing");
            }
        }
        return new BreakpointTable(s.id(), s.title(), s.source(), levels, columns, s.hourlyParticulates());
    }

    private static BreakpointTable.Column toColumn(AqiItem item, Item spec, int levelCount, String where) {
        List<BigDecimal> bps = spec == null ? null : spec.breakpoints();
        if (bps == null || bps.size() < 2 || bps.size() > levelCount || bps.get(0).signum() != 0) {
            throw new IllegalArgumentException(where + item + " needs 2 to " + levelCount + " breakpoints starting at 0");
        }
        for (int i = 1; i < bps.size(); i++) {
            if (bps.get(i).compareTo(bps.get(i - 1)) <= 0) {
                throw new IllegalArgumentException(where + item + " breakpoints must increase strictly");
            }
        }
        AqiItem fallback = null;
        boolean truncated = bps.size() < levelCount;
        if (truncated) {
            fallback = spec.aboveTopUse() == null ? null : AqiItem.fromKey(spec.aboveTopUse());
            if (fallback == null || fallback.pollutant() != item.pollutant() || fallback == item) {
                throw new IllegalArgumentException(where + item
                        + " is truncated, so aboveTopUse must name another item of the same pollutant");
            }
        } else if (spec.aboveTopUse() != null) {
            throw new IllegalArgumentException(where + item + " is not truncated, so aboveTopUse does not apply");
        }
        return new BreakpointTable.Column(List.copyOf(bps), fallback);
    }

    private static boolean strictlyIncreasingInts(List<Integer> values) {
        for (int i = 1; i < values.size(); i++) {
            if (values.get(i) == null || values.get(i) <= values.get(i - 1)) {
                return false;
            }
        }
        return true;
    }
}
