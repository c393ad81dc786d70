package io.airwarn.plan;

import io.airwarn.core.CellValues;
import io.airwarn.core.CsvRows;
import io.airwarn.core.FreeText;
import io.airwarn.core.InvalidFileException;
import io.airwarn.core.WarningLevel;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads a plan folder (plan.yaml, enterprises.csv, schools.csv), recording every problem with file, line and field. */
public final class PlanReader {

    static final List<String> ENTERPRISE_COLUMNS = enterpriseColumns();
    static final List<String> SCHOOL_COLUMNS = List.of("id", "name", "district", "type", "pupils", "contact_mobile");
    /** Optional in enterprises.csv: the enterprise's HJ 212 stack monitors. */
    static final String DEVICE_COLUMN = "device_mn";
    private static final Pattern DEVICE = Pattern.compile("[0-9A-Za-z_-]{1,24}");
    private static final Set<String> PLAN_KEYS = Set.of("unit", "name", "sample", "version", "effectiveDate",
            "command", "emissions", "schoolRule", "responsibleUnits", "measures", "drillRecipients");

    private PlanReader() {
    }

    private static List<String> enterpriseColumns() {
        List<String> c = new ArrayList<>(List.of("id", "name", "district", "industry", "grade", "guarantee",
                "so2_t_per_day", "nox_t_per_day", "pm_t_per_day", "vocs_t_per_day"));
        for (WarningLevel level : WarningLevel.RESPONSE_LEVELS) {
            String p = level.name().toLowerCase(Locale.ROOT);
            c.addAll(List.of(p + "_measure", p + "_so2", p + "_nox", p + "_pm", p + "_vocs"));
        }
        c.addAll(List.of("contact_mobile", "supervisor"));
        return List.copyOf(c);
    }

    public static PlanSource read(Path folder) {
        List<PlanProblem> problems = new ArrayList<>();
        byte[] planBytes = bytes(folder.resolve(PlanSource.PLAN_FILE), problems);
        byte[] enterpriseBytes = bytes(folder.resolve(PlanSource.ENTERPRISES_FILE), problems);
        byte[] schoolBytes = bytes(folder.resolve(PlanSource.SCHOOLS_FILE), problems);
        Map<String, Integer> enterpriseLines = new HashMap<>();
        Map<String, Integer> schoolLines = new HashMap<>();
        List<Plan.Enterprise> enterprises = enterpriseBytes == null ? List.of()
                : EnterpriseCsv.read(enterpriseBytes, problems, enterpriseLines);
        List<Plan.School> schools = schoolBytes == null ? List.of() : SchoolCsv.read(schoolBytes, problems, schoolLines);
        PlanYaml yaml = planBytes == null ? null : PlanYaml.read(planBytes, problems);
        Plan plan = yaml == null ? null : yaml.toPlan(enterprises, schools);
        PlanSource.Lines lines = yaml == null
                ? new PlanSource.Lines(Map.of(), Map.of(), enterpriseLines, schoolLines, 0, 0)
                : new PlanSource.Lines(yaml.unitLines, yaml.measureLines, enterpriseLines, schoolLines,
                        yaml.emissionsLine, yaml.unitCodeLine);
        return new PlanSource(folder.getFileName().toString(), plan, problems, lines,
                checksum(planBytes, enterpriseBytes, schoolBytes));
    }

    private static byte[] bytes(Path file, List<PlanProblem> problems) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            problems.add(PlanProblem.error(file.getFileName().toString(), 0, null, "cannot be read: " + e.getMessage()));
            return null;
        }
    }

    private static String checksum(byte[]... files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (byte[] file : files) {
                sha.update(file == null ? new byte[0] : file);
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** plan.yaml, field by field. */
    private static final class PlanYaml {
        YamlMap root;
        final Map<String, Integer> unitLines = new HashMap<>();
        final Map<String, Integer> measureLines = new HashMap<>();
        int emissionsLine;
        int unitCodeLine;
        private final List<PlanProblem> problems;

        private PlanYaml(List<PlanProblem> problems) {
            this.problems = problems;
        }

        static PlanYaml read(byte[] content, List<PlanProblem> problems) {
            PlanYaml y = new PlanYaml(problems);
            if (content.length > io.airwarn.core.Yaml.MAX_BYTES) {
                problems.add(PlanProblem.error(PlanSource.PLAN_FILE, 0, null, "the file exceeds the limit of 1 MB "
                        + "for a plan (the lists of enterprises and schools go in their CSV files)"));
                return null;
            }
            Node node;
            try {
                LoaderOptions options = new LoaderOptions();
                options.setAllowDuplicateKeys(false);
                node = new Yaml(options).compose(new StringReader(CsvRows.decodeUtf8(content)));
            } catch (InvalidFileException e) {
                problems.add(PlanProblem.error(PlanSource.PLAN_FILE, 0, null, e.getMessage()));
                return null;
            } catch (MarkedYAMLException e) {
                problems.add(PlanProblem.error(PlanSource.PLAN_FILE, e.getProblemMark().getLine() + 1, null,
                        "not valid YAML: " + e.getProblem()));
                return null;
            } catch (YAMLException e) {
                // Limits of the parser: nesting depth, aliases, document size.
                problems.add(PlanProblem.error(PlanSource.PLAN_FILE, 0, null, "not accepted: " + e.getMessage()));
                return null;
            }
            y.root = YamlMap.root(PlanSource.PLAN_FILE, node, problems);
            return y.root == null ? null : y;
        }

        Plan toPlan(List<Plan.Enterprise> enterprises, List<Plan.School> schools) {
            root.rejectUnknown(PLAN_KEYS);
            unitCodeLine = root.lineOf("unit");
            emissionsLine = root.lineOf("emissions");
            return new Plan(root.text("unit", true), root.text("name", true), root.flag("sample"),
                    root.text("version", true), root.date("effectiveDate", true), command(), emissions(),
                    schoolRule(), units(), measures(), enterprises, schools, drillRecipients());
        }

        private Set<String> drillRecipients() {
            Set<String> ids = new LinkedHashSet<>();
            root.scalars("drillRecipients").forEach(s -> ids.add(s.getValue().trim()));
            return ids;
        }

        private Plan.Command command() {
            YamlMap m = root.map("command", true);
            if (m == null) {
                return null;
            }
            m.rejectUnknown(Set.of("commander", "office", "officeMobile"));
            return new Plan.Command(m.text("commander", true), m.text("office", true), m.text("officeMobile", true));
        }

        private Emissions emissions() {
            YamlMap m = root.map("emissions", true);
            if (m == null) {
                return null;
            }
            m.rejectUnknown(Set.of("so2", "nox", "pm", "vocs"));
            Double so2 = m.number("so2", true);
            Double nox = m.number("nox", true);
            Double pm = m.number("pm", true);
            Double vocs = m.number("vocs", true);
            return so2 == null || nox == null || pm == null || vocs == null ? null : new Emissions(so2, nox, pm, vocs);
        }

        private Plan.SchoolRule schoolRule() {
            YamlMap m = root.map("schoolRule", true);
            if (m == null) {
                return null;
            }
            m.rejectUnknown(Set.of("stopOutdoorFrom", "suspendClassesAt", "suspendTypes", "nextDayIfIssuedBefore",
                    "sameDayIfIssuedBefore"));
            Set<Plan.SchoolType> types = EnumSet.noneOf(Plan.SchoolType.class);
            for (ScalarNode s : m.scalars("suspendTypes")) {
                Plan.SchoolType t = m.enumOf(s.getValue(), Plan.SchoolType.class, "suspendTypes", YamlMap.lineOf(s));
                if (t != null) {
                    types.add(t);
                }
            }
            return new Plan.SchoolRule(m.enumValue("stopOutdoorFrom", WarningLevel.class, true),
                    m.enumValue("suspendClassesAt", WarningLevel.class, true), types,
                    m.time("nextDayIfIssuedBefore", true), m.time("sameDayIfIssuedBefore", true));
        }

        private List<Plan.ResponsibleUnit> units() {
            List<Plan.ResponsibleUnit> units = new ArrayList<>();
            for (YamlMap m : root.maps("responsibleUnits")) {
                m.rejectUnknown(Set.of("id", "name", "duties", "contactMobile"));
                String id = m.text("id", true);
                if (id != null && unitLines.putIfAbsent(id, m.line()) != null) {
                    m.error("id", "duplicate responsible unit id " + id + " (first on line " + unitLines.get(id) + ")");
                    continue;
                }
                units.add(new Plan.ResponsibleUnit(id, m.text("name", true), m.text("duties", true),
                        m.text("contactMobile", true)));
            }
            return units;
        }

        private List<Plan.CityMeasure> measures() {
            List<Plan.CityMeasure> measures = new ArrayList<>();
            for (YamlMap m : root.maps("measures")) {
                m.rejectUnknown(Set.of("id", "level", "domain", "unit", "deadlineHours", "text"));
                String id = m.text("id", true);
                if (id != null && measureLines.putIfAbsent(id, m.line()) != null) {
                    m.error("id", "duplicate measure id " + id + " (first on line " + measureLines.get(id) + ")");
                    continue;
                }
                WarningLevel level = m.enumValue("level", WarningLevel.class, true);
                Plan.Domain domain = m.enumValue("domain", Plan.Domain.class, true);
                Integer hours = m.integer("deadlineHours", true);
                String unit = m.text("unit", true);
                String text = m.text("text", true);
                if (level != null && domain != null && hours != null && unit != null && text != null) {
                    measures.add(new Plan.CityMeasure(id, level, domain, unit, hours, text));
                }
            }
            return measures;
        }
    }

    /**
     * The CSV files: a header naming exactly the expected columns (and any of the optional ones, which older files
     * lack), then one item per line.
     */
    abstract static class Csv<T> {
        final String file;
        final List<String> expected;
        final List<String> optional;

        Csv(String file, List<String> expected, List<String> optional) {
            this.file = file;
            this.expected = expected;
            this.optional = optional;
        }

        List<T> readAll(byte[] content, List<PlanProblem> problems, Map<String, Integer> lines) {
            List<CsvRows.Row> rows;
            try {
                rows = CsvRows.read(content);
            } catch (InvalidFileException e) {
                problems.add(PlanProblem.error(file, 0, null, e.getMessage()));
                return List.of();
            }
            if (rows.isEmpty()) {
                problems.add(PlanProblem.error(file, 0, null, "the file is empty"));
                return List.of();
            }
            List<String> header = rows.get(0).cells().stream().map(String::trim).toList();
            Set<String> named = new LinkedHashSet<>(header);
            named.removeAll(optional);
            if (!named.equals(new LinkedHashSet<>(expected)) || new LinkedHashSet<>(header).size() != header.size()) {
                problems.add(PlanProblem.error(file, 1, null, "the header must name the columns " + expected
                        + (optional.isEmpty() ? "" : " and may name " + optional)));
                return List.of();
            }
            List<T> items = new ArrayList<>();
            for (CsvRows.Row row : rows.subList(1, rows.size())) {
                if (row.isBlank()) {
                    continue;
                }
                if (row.cells().size() != header.size()) {
                    problems.add(PlanProblem.error(file, row.line(), null, "has " + row.cells().size()
                            + " columns, the header " + header.size()));
                    continue;
                }
                Cells cells = new Cells(file, row.line(), header, row.cells(), problems);
                String id = cells.text("id", true);
                if (id == null) {
                    continue;
                }
                if (lines.putIfAbsent(id, row.line()) != null) {
                    problems.add(PlanProblem.error(file, row.line(), "id", "duplicate id " + id + " (first on line "
                            + lines.get(id) + ")"));
                    continue;
                }
                T item = parse(cells);
                if (item != null && !cells.failed) {
                    items.add(item);
                }
            }
            return items;
        }

        abstract T parse(Cells cells);
    }

    /** The cells of one CSV line, read by column name; problems carry the line and column. */
    static final class Cells {
        private static final String PHONE_COLUMN = "contact_mobile";
        private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

        final String file;
        final int line;
        final List<String> header;
        final List<String> cells;
        final List<PlanProblem> problems;
        boolean failed;

        Cells(String file, int line, List<String> header, List<String> cells, List<PlanProblem> problems) {
            this.file = file;
            this.line = line;
            this.header = header;
            this.cells = cells;
            this.problems = problems;
        }

        void error(String column, String message) {
            problems.add(PlanProblem.error(file, line, column, message));
            failed = true;
        }

        /** A column the file may leave out: null when it has none or it is empty. */
        String optionalText(String column) {
            return header.contains(column) ? text(column, false) : null;
        }

        String text(String column, boolean required) {
            String value = cells.get(header.indexOf(column)).trim();
            if (value.isEmpty()) {
                if (required) {
                    error(column, "is required");
                }
                return null;
            }
            // Lists are edited in spreadsheets and exported again: a cell a spreadsheet would run is refused.
            if (!PHONE_COLUMN.equals(column) && FreeText.startsLikeFormula(value)) {
                error(column, "starts with '" + value.charAt(0) + "', which a spreadsheet would run as a formula");
                return null;
            }
            if ("id".equals(column) && !ID.matcher(value).matches()) {
                error(column, "'" + value + "' is not an id: letters, digits, '.', '_' and '-', at most 64");
                return null;
            }
            return value;
        }

        double number(String column) {
            try {
                Double v = CellValues.number(cells.get(header.indexOf(column)), column);
                if (v == null || v < 0) {
                    error(column, v == null ? "is required" : "must not be negative");
                    return 0;
                }
                return v;
            } catch (IllegalArgumentException e) {
                error(column, e.getMessage());
                return 0;
            }
        }

        <E extends Enum<E>> E enumValue(String column, Class<E> type, E whenEmpty) {
            String value = text(column, whenEmpty == null);
            if (value == null) {
                return whenEmpty;
            }
            try {
                return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                error(column, "unknown value '" + value + "'; expected one of " + List.of(type.getEnumConstants()));
                return null;
            }
        }
    }

    static final class EnterpriseCsv extends Csv<Plan.Enterprise> {
        private EnterpriseCsv() {
            super(PlanSource.ENTERPRISES_FILE, ENTERPRISE_COLUMNS, List.of(DEVICE_COLUMN));
        }

        static List<Plan.Enterprise> read(byte[] content, List<PlanProblem> problems, Map<String, Integer> lines) {
            return new EnterpriseCsv().readAll(content, problems, lines);
        }

        @Override
        Plan.Enterprise parse(Cells c) {
            Emissions baseline = new Emissions(c.number("so2_t_per_day"), c.number("nox_t_per_day"),
                    c.number("pm_t_per_day"), c.number("vocs_t_per_day"));
            List<Plan.EnterpriseMeasure> measures = new ArrayList<>();
            for (WarningLevel level : WarningLevel.RESPONSE_LEVELS) {
                String p = level.name().toLowerCase(Locale.ROOT);
                String text = c.text(p + "_measure", false);
                if (text != null) {
                    measures.add(new Plan.EnterpriseMeasure(level, text, new Emissions(c.number(p + "_so2"),
                            c.number(p + "_nox"), c.number(p + "_pm"), c.number(p + "_vocs"))));
                }
            }
            return new Plan.Enterprise(c.text("id", true), c.text("name", true), c.text("district", false),
                    c.text("industry", true), c.enumValue("grade", Plan.Grade.class, null),
                    c.enumValue("guarantee", Plan.Guarantee.class, Plan.Guarantee.NONE), baseline, measures,
                    c.text("contact_mobile", true), c.text("supervisor", true), devices(c));
        }

        /**
         * The enterprise's stack monitors (HJ 212 MN, one per monitored stack), separated by '|'. Their passwords are
         * never in the plan files.
         */
        private static List<String> devices(Cells c) {
            String value = c.optionalText(DEVICE_COLUMN);
            if (value == null) {
                return List.of();
            }
            List<String> devices = new ArrayList<>();
            for (String mn : value.split("\\|")) {
                String trimmed = mn.trim();
                if (!DEVICE.matcher(trimmed).matches()) {
                    c.error(DEVICE_COLUMN, "'" + trimmed + "' is not a device MN: 1 to 24 letters, digits, '_' or '-'");
                } else if (devices.contains(trimmed)) {
                    c.error(DEVICE_COLUMN, "names " + trimmed + " twice");
                } else {
                    devices.add(trimmed);
                }
            }
            return List.copyOf(devices);
        }
    }

    static final class SchoolCsv extends Csv<Plan.School> {
        private SchoolCsv() {
            super(PlanSource.SCHOOLS_FILE, SCHOOL_COLUMNS, List.of());
        }

        static List<Plan.School> read(byte[] content, List<PlanProblem> problems, Map<String, Integer> lines) {
            return new SchoolCsv().readAll(content, problems, lines);
        }

        @Override
        Plan.School parse(Cells c) {
            return new Plan.School(c.text("id", true), c.text("name", true), c.text("district", false),
                    c.enumValue("type", Plan.SchoolType.class, null), (int) c.number("pupils"),
                    c.text("contact_mobile", true));
        }
    }
}
