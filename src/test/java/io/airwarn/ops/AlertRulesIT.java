package io.airwarn.ops;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus alert rules (ops/prometheus/alerts.yml) are operations code that only matters on a bad night: an
 * expression that does not parse, or a threshold that fires every night or never, must be found here instead. promtool
 * checks the rules and runs their unit tests (alerts.test.yml: synthetic series on which each alert fires when it
 * should and stays quiet when it should), and every rule is held to what the on-call person relies on: a severity that
 * routes it and a runbook line that says what to do. promtool is Debian's prometheus package, installed before the
 * integration tests by src/test/browser/ensure-chromium.sh. No Quarkus: these tests read files only.
 */
class AlertRulesIT {

    private static final Path PROJECT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    private static final String RULES = "ops/prometheus/alerts.yml";
    private static final String RULE_TESTS = "ops/prometheus/alerts.test.yml";
    private static final Set<String> SEVERITIES = Set.of("page", "ticket");

    @Test
    void promtoolAcceptsTheRules() throws Exception {
        Result check = promtool("check", "rules", RULES);
        assertEquals(0, check.exitCode(), check.output());
        Matcher found = Pattern.compile("SUCCESS: (\\d+) rules found").matcher(check.output());
        assertTrue(found.find(), check.output());
        assertTrue(Integer.parseInt(found.group(1)) >= 10, "at least 10 alert rules expected:\n" + check.output());
    }

    @Test
    void theRulesPassTheirUnitTests() throws Exception {
        Result test = promtool("test", "rules", RULE_TESTS);
        assertEquals(0, test.exitCode(), test.output());
    }

    /** promtool accepts a rule without labels or annotations; an alert nobody can route or act on is still useless. */
    @Test
    void everyRuleHasASeverityASummaryAndARunbook() throws IOException {
        JsonNode groups = new ObjectMapper(new YAMLFactory()).readTree(PROJECT.resolve(RULES).toFile()).path("groups");
        List<String> problems = new ArrayList<>();
        int rules = 0;
        for (JsonNode group : groups) {
            for (JsonNode rule : group.path("rules")) {
                rules++;
                String name = rule.path("alert").asText(rule.path("record").asText("rule " + rules));
                String severity = rule.path("labels").path("severity").asText();
                if (!SEVERITIES.contains(severity)) {
                    problems.add(name + ": labels.severity is '" + severity + "', not one of " + SEVERITIES);
                }
                for (String annotation : List.of("summary", "description", "runbook")) {
                    if (rule.path("annotations").path(annotation).asText().isBlank()) {
                        problems.add(name + ": no annotations." + annotation);
                    }
                }
            }
        }
        assertTrue(rules >= 10, "at least 10 rules expected in " + RULES + ", found " + rules);
        assertEquals(List.of(), problems);
    }

    private record Result(int exitCode, String output) {
    }

    /** Runs promtool in the project directory; the output (stdout and stderr) goes into the failure messages. */
    private static Result promtool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("promtool"));
        command.addAll(List.of(arguments));
        Process process;
        try {
            process = new ProcessBuilder(command).directory(PROJECT.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            return fail("promtool cannot be run: install Debian's prometheus package "
                    + "(apt-get install --no-install-recommends prometheus)", e);
        }
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), UTF_8);
        }
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish within 2 minutes:\n" + output);
        }
        return new Result(process.exitValue(), String.join(" ", command) + " exited with " + process.exitValue()
                + ":\n" + output);
    }
}
