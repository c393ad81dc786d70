package io.airwarn.plan;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML mapping read field by field, each problem recorded with the file, the value's line and the field's path.
 * Missing or malformed values come back as null after being recorded.
 */
final class YamlMap {

    private final String file;
    private final String path;
    private final int line;
    private final Map<String, Node> entries = new LinkedHashMap<>();
    private final List<PlanProblem> problems;

    private YamlMap(String file, String path, MappingNode node, List<PlanProblem> problems) {
        this.file = file;
        this.path = path;
        this.line = lineOf(node);
        this.problems = problems;
        for (NodeTuple tuple : node.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
            if (entries.put(key, tuple.getValueNode()) != null) {
                problems.add(PlanProblem.error(file, lineOf(tuple.getKeyNode()), field(key), "appears twice"));
            }
        }
    }

    /** The root mapping, or null (recorded) when the document is not a mapping. */
    static YamlMap root(String file, Node node, List<PlanProblem> problems) {
        if (node instanceof MappingNode m) {
            return new YamlMap(file, "", m, problems);
        }
        problems.add(PlanProblem.error(file, node == null ? 0 : lineOf(node), null, "the file must be a YAML mapping"));
        return null;
    }

    static int lineOf(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    int line() {
        return line;
    }

    int lineOf(String key) {
        Node node = entries.get(key);
        return node == null ? line : lineOf(node);
    }

    String field(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    void error(String key, String message) {
        problems.add(PlanProblem.error(file, lineOf(key), field(key), message));
    }

    void rejectUnknown(Set<String> known) {
        entries.keySet().stream().filter(k -> !known.contains(k))
                .forEach(k -> error(k, "unknown field; expected one of " + known));
    }

    private ScalarNode scalar(String key, boolean required) {
        Node node = entries.get(key);
        if (node == null || node instanceof ScalarNode s && s.getValue().isEmpty() && !required) {
            if (required) {
                problems.add(PlanProblem.error(file, line, field(key), "is required"));
            }
            return null;
        }
        if (!(node instanceof ScalarNode s) || s.getValue().isBlank()) {
            error(key, "must be a single value");
            return null;
        }
        return s;
    }

    String text(String key, boolean required) {
        ScalarNode s = scalar(key, required);
        return s == null ? null : s.getValue().trim();
    }

    Integer integer(String key, boolean required) {
        String value = text(key, required);
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            error(key, "'" + value + "' is not a whole number");
            return null;
        }
    }

    Double number(String key, boolean required) {
        String value = text(key, required);
        try {
            Double v = value == null ? null : Double.valueOf(value);
            if (v != null && (!Double.isFinite(v) || v < 0)) {
                error(key, "'" + value + "' must be a non-negative number");
                return null;
            }
            return v;
        } catch (NumberFormatException e) {
            error(key, "'" + value + "' is not a number");
            return null;
        }
    }

    boolean flag(String key) {
        String value = text(key, false);
        if (value != null && !value.equals("true") && !value.equals("false")) {
            error(key, "must be true or false");
        }
        return "true".equals(value);
    }

    LocalDate date(String key, boolean required) {
        String value = text(key, required);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            error(key, "'" + value + "' is not a date (YYYY-MM-DD)");
            return null;
        }
    }

    LocalTime time(String key, boolean required) {
        String value = text(key, required);
        try {
            return value == null ? null : LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            error(key, "'" + value + "' is not a time (HH:MM)");
            return null;
        }
    }

    <E extends Enum<E>> E enumValue(String key, Class<E> type, boolean required) {
        String value = text(key, required);
        return value == null ? null : enumOf(value, type, key, lineOf(key));
    }

    <E extends Enum<E>> E enumOf(String value, Class<E> type, String key, int at) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            problems.add(PlanProblem.error(file, at, field(key), "unknown value '" + value + "'; expected one of "
                    + List.of(type.getEnumConstants())));
            return null;
        }
    }

    YamlMap map(String key, boolean required) {
        Node node = entries.get(key);
        if (node == null) {
            if (required) {
                problems.add(PlanProblem.error(file, line, field(key), "is required"));
            }
            return null;
        }
        if (!(node instanceof MappingNode m)) {
            error(key, "must be a mapping");
            return null;
        }
        return new YamlMap(file, field(key), m, problems);
    }

    List<YamlMap> maps(String key) {
        List<YamlMap> list = new ArrayList<>();
        Node node = entries.get(key);
        if (node == null) {
            problems.add(PlanProblem.error(file, line, field(key), "is required"));
            return list;
        }
        if (!(node instanceof SequenceNode seq)) {
            error(key, "must be a list");
            return list;
        }
        for (int i = 0; i < seq.getValue().size(); i++) {
            Node item = seq.getValue().get(i);
            if (item instanceof MappingNode m) {
                list.add(new YamlMap(file, field(key) + "[" + i + "]", m, problems));
            } else {
                problems.add(PlanProblem.error(file, lineOf(item), field(key) + "[" + i + "]", "must be a mapping"));
            }
        }
        return list;
    }

    /** A list of plain values with their lines. */
    List<ScalarNode> scalars(String key) {
        List<ScalarNode> list = new ArrayList<>();
        Node node = entries.get(key);
        if (node == null) {
            return list;
        }
        if (!(node instanceof SequenceNode seq)) {
            error(key, "must be a list");
            return list;
        }
        for (Node item : seq.getValue()) {
            if (item instanceof ScalarNode s) {
                list.add(s);
            } else {
                problems.add(PlanProblem.error(file, lineOf(item), field(key), "must hold plain values"));
            }
        }
        return list;
    }
}
