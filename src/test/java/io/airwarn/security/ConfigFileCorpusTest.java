package io.airwarn.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.airwarn.accountability.Targets;
import io.airwarn.aqi.AqiStandardsReader;
import io.airwarn.city.CitiesReader;
import io.airwarn.message.MessageTemplates;
import io.airwarn.plan.ReductionRequirements;
import io.airwarn.warning.ApprovalPolicy;
import io.airwarn.warning.CriteriaConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed configuration files (warning criteria, approval rules, SMS templates, cities, AQI tables, reduction
 * requirements, targets): each is refused with one short message naming the file, never another kind of failure. At
 * startup that message is the one line the operator sees; the running configuration is never replaced by it.
 */
class ConfigFileCorpusTest {

    interface Reader {
        void read(InputStream in, String name);
    }

    record ConfigFile(String name, Reader reader) {
    }

    record Case(ConfigFile file, String damage, UnaryOperator<byte[]> edit) {
        @Override
        public String toString() {
            return file.name() + ": " + damage;
        }
    }

    private static final List<ConfigFile> FILES = List.of(
            new ConfigFile("warning-criteria.yaml", CriteriaConfig::read),
            new ConfigFile("warning-approval.yaml", ApprovalPolicy::read),
            new ConfigFile("messages.yaml", MessageTemplates::read),
            new ConfigFile("cities.yaml", CitiesReader::read),
            new ConfigFile("aqi-standards.yaml", AqiStandardsReader::read),
            new ConfigFile("emission-reduction.yaml", ReductionRequirements::read),
            new ConfigFile("targets.yaml", (in, name) -> Targets.read(in, name, List.of("220100"), u -> true)));

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] prefixed(byte[] prefix, byte[] content) {
        byte[] all = new byte[prefix.length + content.length];
        System.arraycopy(prefix, 0, all, 0, prefix.length);
        System.arraycopy(content, 0, all, prefix.length, content.length);
        return all;
    }

    static List<Case> corpus() {
        String aliasBomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                + "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n";
        List<Case> cases = new ArrayList<>();
        for (ConfigFile f : FILES) {
            cases.add(new Case(f, "a list instead of a map", content -> text("- 1\n- 2\n")));
            cases.add(new Case(f, "an unknown key holding a list", content -> text("{" + "\"x\": [1, {}]}")));
            cases.add(new Case(f, "deep nesting", content -> text("[".repeat(5000) + "]".repeat(5000))));
            cases.add(new Case(f, "an alias bomb", content -> text(aliasBomb)));
            cases.add(new Case(f, "invalid UTF-8", content -> prefixed(new byte[] {'#', ' ', (byte) 0xC3, 0x28, '\n'},
                    content)));
            cases.add(new Case(f, "a huge value", content -> prefixed(text("huge: \"" + "x".repeat(4_000_000)
                    + "\"\n"), content)));
            cases.add(new Case(f, "script and SQL as a key", content -> prefixed(
                    text("\"<script>alert(1)</script>'; DROP TABLE warning; --\": 1\n"), content)));
            cases.add(new Case(f, "empty", content -> new byte[0]));
            cases.add(new Case(f, "binary", content -> new byte[] {0, 1, 2, (byte) 0xFF, (byte) 0xFE}));
        }
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedWithOneShortMessageNamingTheFile(Case c) throws IOException {
        byte[] shipped = Files.readAllBytes(Path.of("config", c.file().name()));
        byte[] damaged = c.edit().apply(shipped);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> c.file().reader().read(new ByteArrayInputStream(damaged), c.file().name()));
        String message = e.getMessage();
        assertTrue(message.startsWith(c.file().name()), "names the file: " + message);
        assertTrue(message.length() < 600, "a line to read, not a dump: " + message.length() + " characters");
        assertFalse(message.contains("\tat ") || message.contains("\n\tat"), message);
    }
}
