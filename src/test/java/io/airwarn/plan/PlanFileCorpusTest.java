package io.airwarn.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed plan files (plan.yaml, enterprises.csv, schools.csv): each is refused with a report naming the file and
 * the problem, and the unit keeps its last valid plan.
 */
class PlanFileCorpusTest {

    @TempDir
    Path temp;

    /** A change to one of the small plan's files, and a word the report must contain. */
    record Bad(String name, String file, Edit edit, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    interface Edit {
        void apply(Path file) throws IOException;
    }

    private static Edit replace(String from, String to) {
        return file -> SmallPlan.replace(file, from, to);
    }

    private static Edit append(String text) {
        return file -> Files.writeString(file, Files.readString(file) + text);
    }

    private static Edit appendBytes(byte[] bytes) {
        return file -> {
            byte[] old = Files.readAllBytes(file);
            byte[] all = new byte[old.length + bytes.length];
            System.arraycopy(old, 0, all, 0, old.length);
            System.arraycopy(bytes, 0, all, old.length, bytes.length);
            Files.write(file, all);
        };
    }

    private static final String PLAN = PlanSource.PLAN_FILE;
    private static final String ENTERPRISES = PlanSource.ENTERPRISES_FILE;
    private static final String SCHOOLS = PlanSource.SCHOOLS_FILE;

    static List<Bad> corpus() {
        byte[] invalidUtf8 = {'#', ' ', (byte) 0xC3, (byte) 0x28, '\n'};
        String aliasBomb = "bomb:\n  a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "  b: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n"
                + "  c: &c [*b, *b, *b, *b, *b, *b, *b, *b]\n  d: &d [*c, *c, *c, *c, *c, *c, *c, *c]\n"
                + "  e: &e [*d, *d, *d, *d, *d, *d, *d, *d]\n  f: &f [*e, *e, *e, *e, *e, *e, *e, *e]\n"
                + "  g: &g [*f, *f, *f, *f, *f, *f, *f, *f]\n  h: &h [*g, *g, *g, *g, *g, *g, *g, *g]\n";
        return List.of(
                new Bad("wrong type", PLAN, replace("version: \"test-1\"", "version: [1, 2]"), "version"),
                new Bad("deep nesting", PLAN, append("deep: " + "[".repeat(5000) + "]".repeat(5000) + "\n"),
                        "Nesting Depth"),
                new Bad("alias bomb", PLAN, append(aliasBomb), "aliases"),
                new Bad("invalid UTF-8", PLAN, appendBytes(invalidUtf8), "UTF-8"),
                new Bad("huge", PLAN, append("notes: \"" + "x".repeat(4_000_000) + "\"\n"), "exceeds the limit"),
                new Bad("path traversal as the unit", PLAN, replace("unit: \"220300\"", "unit: \"../../etc/passwd\""),
                        "unit"),
                new Bad("SQL as the unit", PLAN, replace("unit: \"220300\"", "unit: \"220300'; DROP TABLE plan; --\""),
                        "unit"),
                new Bad("formula cell", ENTERPRISES, replace("Test C works", "=HYPERLINK(\"http://x\";\"y\")"),
                        "formula"),
                new Bad("formula cell starting with @", SCHOOLS, replace(",d1,", ",@SUM(1+1),"), "formula"),
                new Bad("wrong type in a number column", ENTERPRISES, replace(",2,4,1,2,", ",lots,4,1,2,"),
                        "so2_t_per_day"),
                new Bad("path traversal as an id", ENTERPRISES, replace("E1,", "../../etc/passwd,"), "is not an id"),
                new Bad("SQL as an id", ENTERPRISES, replace("E1,", "E1'; DROP TABLE plan_order; --,"),
                        "is not an id"),
                new Bad("script as an id", SCHOOLS, replace("\nS", "\n<script>alert(1)</script>"), "is not an id"),
                new Bad("invalid UTF-8", SCHOOLS, appendBytes(invalidUtf8), "UTF-8"),
                new Bad("a binary file", ENTERPRISES, file -> Files.write(file, new byte[] {0, 1, 2, (byte) 0xFF}),
                        "UTF-8"));
    }

    private static PlanFolders.Checked check(Path folder) {
        PlanSource source = PlanReader.read(folder);
        return new PlanFolders.Checked(source, PlanValidator.validate(source,
                c -> SmallPlan.CITIES.find(c).isPresent(), SmallPlan.NATIONAL));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("corpus")
    void isRefusedWithAReportAndTheLastValidPlanStays(Bad bad) throws IOException {
        Path folder = SmallPlan.copyTo(temp);
        PlanFolders.Checked good = check(folder);
        assertTrue(good.report().valid(), good.report().problems().toString());
        PlanCatalog catalog = new PlanCatalog().with(List.of(good), Map.of(good.report().checksum(), 7L));

        bad.edit().apply(folder.resolve(bad.file()));
        PlanFolders.Checked checked = check(folder);
        PlanReport report = checked.report();
        assertFalse(report.valid(), bad.name() + " was accepted");
        String problems = report.problems().toString();
        assertTrue(report.problems().stream().anyMatch(p -> p.severity() == PlanProblem.Severity.ERROR
                && (bad.file().equals(p.file()) || PLAN.equals(p.file()))), problems);
        assertTrue(problems.contains(bad.expected()), "the report names the problem (" + bad.expected() + "): "
                + problems);
        assertEquals(7L, catalog.with(List.of(checked), Map.of()).plan("220300").orElseThrow().versionId(),
                "the last valid plan stays in use");
    }
}
