package io.airwarn.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One owner per table: only the owning package's SQL names a table; other packages call the owner's Java API. The
 * orders are the one table with two owners: the plan writes them, notify acknowledges and escalates them.
 */
class TableOwnershipTest {

    static final Map<String, Set<String>> OWNERS = Map.ofEntries(
            Map.entry("observation", Set.of("observation")), Map.entry("station", Set.of("observation")),
            Map.entry("city_aqi_daily", Set.of("observation")), Map.entry("city_aqi_hourly", Set.of("observation")),
            Map.entry("quality_flag", Set.of("observation")),
            Map.entry("forecast_run", Set.of("forecast")), Map.entry("forecast_day", Set.of("forecast")),
            Map.entry("met_forecast", Set.of("forecast")),
            Map.entry("plan_version", Set.of("plan")), Map.entry("activation", Set.of("plan")),
            Map.entry("plan_order", Set.of("plan", "notify")),
            Map.entry("outbox", Set.of("notify")), Map.entry("escalation_digest", Set.of("notify")),
            Map.entry("subscription", Set.of("subscription")),
            Map.entry("subscription_code_sent", Set.of("subscription")),
            Map.entry("subscription_confirm_attempt", Set.of("subscription")),
            Map.entry("app_user", Set.of("user")), Map.entry("sign_in_failure", Set.of("user")),
            Map.entry("web_session", Set.of("user")),
            Map.entry("audit_log", Set.of("audit")),
            Map.entry("cluster_signal", Set.of("cluster")), Map.entry("scheduled_run", Set.of("cluster")),
            Map.entry("warning", Set.of("warning")), Map.entry("warning_event", Set.of("warning")),
            Map.entry("warning_proposal", Set.of("warning")),
            Map.entry("target_baseline", Set.of("accountability")),
            Map.entry("stack_device_status", Set.of("compliance")), Map.entry("stack_unknown_device", Set.of("compliance")),
            Map.entry("stack_hour", Set.of("compliance")), Map.entry("stack_minute", Set.of("compliance")),
            Map.entry("compliance_finding", Set.of("compliance")));

    private static final Pattern TABLE = Pattern.compile("(?i)\\b(?:FROM|JOIN|INTO|UPDATE)\\s+([a-z_]+)\\b");
    private static final Path SOURCES = Path.of("src/main/java/io/airwarn");

    @Test
    void onlyItsOwnerQueriesATable() throws IOException {
        List<String> foreign = new ArrayList<>();
        int statements = 0;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String pkg = SOURCES.relativize(file).getName(0).toString();
                Matcher m = TABLE.matcher(Files.readString(file));
                while (m.find()) {
                    Set<String> owners = OWNERS.get(m.group(1).toLowerCase());
                    if (owners != null) {
                        statements++;
                        if (!owners.contains(pkg)) {
                            foreign.add(SOURCES.relativize(file) + ": " + m.group());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), foreign, "tables named outside their owner");
        assertTrue(statements > 50, "the sources were read: " + statements + " table references");
    }
}
