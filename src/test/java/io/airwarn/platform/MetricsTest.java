package io.airwarn.platform;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.airwarn.cluster.ScheduledRuns;
import io.airwarn.core.AirWarnConfig;
import io.airwarn.core.StateMetrics;
import io.airwarn.notify.Acknowledgements;
import io.airwarn.notify.Dispatcher;
import io.airwarn.notify.SandboxGateway;
import io.airwarn.subscription.SubscriptionService;
import io.airwarn.warning.IssuedWarnings;
import io.quarkus.scheduler.ScheduledExecution;
import io.quarkus.scheduler.Trigger;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus scrape on the management interface after the end-to-end flow: observations in, a forecast run, a
 * red warning issued, its messages sent (one refused by the provider), an order acknowledged, silence escalated, a
 * number opted out, scheduled runs: each counted once, and the state gauges equal to the database. The dashboard's
 * and the alert rules' expressions name only metrics the scrape has.
 */
@QuarkusTest
class MetricsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String UNIT = "220700";
    private static final Pattern METRIC = Pattern.compile("\\b((?:airwarn|jvm|http|process|system)_[a-z0-9_]+)");

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Inject
    StateMetrics state;

    @Inject
    Dispatcher dispatcher;

    @Inject
    Acknowledgements acknowledgements;

    @Inject
    SandboxGateway sandbox;

    @Inject
    SubscriptionService subscriptions;

    @Inject
    ScheduledRuns runs;

    @Inject
    MovableClock clock;

    @Inject
    AirWarnConfig config;

    @Inject
    Pool pool;

    @AfterEach
    void timeAsItWas() {
        clock.reset();
        sandbox.clear();
    }

    private Scrape scrape() {
        state.refresh().await().atMost(WAIT);
        return Scrape.parse(given().when().get(metrics).then().statusCode(200).extract().asString());
    }

    private long count(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).await().atMost(WAIT).iterator().next().getLong(0);
    }

    @Test
    void aScrapeAfterTheEndToEndFlowCountsEachThingOnce() throws IOException {
        // Other test classes leave messages queued; this test counts the sends of its own warning.
        pool.query("UPDATE outbox SET status = 'CANCELLED', error_message = 'test isolation' "
                + "WHERE status IN ('QUEUED', 'RETRY', 'SENDING', 'UNKNOWN')").execute().await().atMost(WAIT);
        Scrape before = scrape();

        // Three days of hours, one of them impossible (the quality rules flag it), then a forecast from them.
        List<String> hours = new ArrayList<>();
        for (int h = 0; h < 72; h++) {
            hours.add(String.format("{\"city\": \"%s\", \"station\": \"metrics-station\", \"time\": \"2016-02-%02dT%02d:00\", "
                    + "\"pm25\": %d}", UNIT, 1 + h / 24, h % 24, h == 30 ? 95_000 : 60 + h % 7));
        }
        given().auth().preemptive().basic("duty", "duty-demo").contentType(ContentType.JSON)
                .body("[" + String.join(",", hours) + "]").when().post("/api/observations").then().statusCode(200);
        String outcome = given().auth().preemptive().basic("duty", "duty-demo").queryParam("city", UNIT)
                .queryParam("issuedAt", "2016-02-04T07:00:00+08:00").when().post("/api/forecast/run").then()
                .statusCode(200).extract().path("[0].status");
        assertEquals("created", outcome, "the forecast run was stored");

        int warning = IssuedWarnings.issue(UNIT, "RED", "commander", 24);
        long activation = count("SELECT max(id) FROM activation WHERE warning_id = $1", warning);
        long orders = count("SELECT count(*) FROM plan_order WHERE activation_id = $1", activation);
        long enterpriseOrders = count("SELECT count(*) FROM plan_order WHERE activation_id = $1 "
                + "AND recipient_type = 'ENTERPRISE'", activation);
        String refused = pool.preparedQuery("SELECT phone FROM outbox o JOIN plan_order p ON p.id = o.order_id "
                + "WHERE p.activation_id = $1 ORDER BY o.id LIMIT 1").execute(Tuple.of(activation)).await()
                .atMost(WAIT).iterator().next().getString(0);
        sandbox.unsubscribe(refused);
        long queued = count("SELECT count(*) FROM outbox WHERE status = 'QUEUED'");
        dispatcher.dispatchAll();

        String code = pool.preparedQuery("SELECT short_code FROM plan_order WHERE activation_id = $1 AND needs_ack "
                + "AND recipient_type = 'ENTERPRISE' ORDER BY id LIMIT 1").execute(Tuple.of(activation)).await()
                .atMost(WAIT).iterator().next().getString(0);
        given().auth().preemptive().basic("duty", "duty-demo").contentType(ContentType.JSON)
                .body(Map.of("codes", List.of(code))).when().post("/api/orders/acknowledge-on-behalf").then()
                .statusCode(200);

        long escalationsBefore = count("SELECT count(*) FROM plan_order WHERE kind = 'ESCALATION' AND level = 'RED'");
        clock.advance(config.ack().red().plusMinutes(1));
        acknowledgements.escalate().await().atMost(WAIT);
        long escalated = count("SELECT count(*) FROM plan_order WHERE kind = 'ESCALATION' AND level = 'RED'")
                - escalationsBefore;

        pool.preparedQuery("INSERT INTO subscription (phone, unit, language, status, confirmed_at) "
                + "VALUES ($1, $2, 'zh', 'ACTIVE', now()) ON CONFLICT DO NOTHING")
                .execute(Tuple.of("+8613900007001", UNIT)).await().atMost(WAIT);
        subscriptions.optOutEverywhere("+8613900007001").await().atMost(WAIT);

        runs.run("metrics-test", execution(), () -> Uni.createFrom().item("done"));
        runs.run("metrics-test", execution(), () -> Uni.createFrom().failure(new IllegalStateException("planted")));

        Scrape after = scrape();
        assertEquals(72, delta(before, after, "airwarn_observations_received_total", "unit", UNIT),
                "72 hours stored");
        assertTrue(delta(before, after, "airwarn_quality_flags_raised_total") >= 1, "the 95,000 µg/m³ hour flagged");
        assertEquals(1, delta(before, after, "airwarn_forecast_runs_total"), "one forecast run");
        assertEquals(1, delta(before, after, "airwarn_forecast_runs_total", "outcome",
                outcome.toUpperCase().replace('-', '_')), "counted by its outcome (" + outcome + ")");
        assertEquals(1, delta(before, after, "airwarn_warnings_in_force", "unit", UNIT, "level", "RED",
                "exercise", "false"), "the red warning is in force");
        assertEquals(1, delta(before, after, "airwarn_activations_total", "level", "RED", "exercise", "false"));
        assertEquals(orders, delta(before, after, "airwarn_orders_created_total", "level", "RED"));
        assertEquals(enterpriseOrders, delta(before, after, "airwarn_orders_created_total", "level", "RED",
                "recipient_type", "ENTERPRISE"));
        assertEquals(queued, delta(before, after, "airwarn_sms_send_attempts_total"), "one attempt per message");
        assertEquals(queued, delta(before, after, "airwarn_sms_provider_latency_seconds_count"));
        assertEquals(1, delta(before, after, "airwarn_sms_send_failures_total", "error_code", "21610"),
                "the refused number, by the provider's code");
        assertEquals(1, delta(before, after, "airwarn_acknowledgements_total", "recipient_type", "ENTERPRISE",
                "channel", "ON_BEHALF"));
        assertTrue(escalated > 0, "silence escalated");
        assertEquals(escalated, delta(before, after, "airwarn_escalations_total", "level", "RED"));
        assertEquals(1, delta(before, after, "airwarn_subscription_opt_outs_total", "channel", "SMS"));
        assertEquals(1, delta(before, after, "airwarn_scheduled_runs_total", "task", "metrics-test", "outcome", "OK"));
        assertEquals(1, delta(before, after, "airwarn_scheduled_runs_total", "task", "metrics-test",
                "outcome", "FAILED"));

        // The state gauges say what the database says.
        assertEquals(count("SELECT count(*) FROM outbox WHERE status = 'SENT'"),
                after.sum("airwarn_outbox_messages", "status", "SENT"));
        assertEquals(count("SELECT count(*) FROM plan_order WHERE needs_ack AND acknowledged_at IS NULL "
                + "AND status = 'OPEN' AND NOT exercise AND level = 'RED'"),
                after.sum("airwarn_orders_unacknowledged", "level", "RED"));
        assertEquals(count("SELECT count(*) FROM plan_order WHERE needs_ack AND acknowledged_at IS NULL "
                + "AND status = 'OPEN' AND NOT exercise AND level = 'RED' AND (ack_deadline < $1 "
                + "OR escalation_level > 0)", clock.instant().atOffset(java.time.ZoneOffset.UTC)),
                after.sum("airwarn_orders_overdue", "level", "RED"));
        assertTrue(after.sum("airwarn_orders_overdue", "level", "RED", "recipient_type", "ENTERPRISE") > 0);
        assertEquals(count("SELECT count(*) FROM subscription WHERE status = 'OPTED_OUT'"),
                after.sum("airwarn_subscriptions", "status", "OPTED_OUT"));
        assertEquals(count("SELECT count(*) FROM warning_proposal WHERE status = 'OPEN'"),
                after.sum("airwarn_proposals_open"));
        assertEquals(1, after.matching("airwarn_observation_newest_age_seconds", "unit", UNIT,
                "station", "metrics-station").size(), "the station's feed age");
        assertEquals(1, after.matching("airwarn_forecast_last_good_run_age_seconds", "unit", UNIT).size(),
                "the unit's last good forecast run");
        assertEquals(1, after.sum("airwarn_audit_chain_valid"), "the audit chain verifies");
        assertTrue(after.sum("airwarn_audit_chain_last_verified_timestamp_seconds") > 1.7e9);
        assertEquals(1, after.sum("airwarn_database_up"));
        assertTrue(after.sum("http_server_requests_seconds_count") > 0, "the HTTP timers");
        assertTrue(after.sum("jvm_memory_used_bytes", "area", "heap") > 0, "the JVM's memory");

        // Low cardinality: no phone numbers, order codes or ids as label values.
        for (Scrape.Series s : after.series()) {
            if (s.name().startsWith("airwarn_")) {
                s.labels().forEach((k, v) -> assertFalse(!k.equals("le") && (v.matches(".*\\d{7,}.*")
                        || v.matches("[AD][0-9A-F]+")), s.name() + " label " + k + "=" + v));
            }
        }
        assertQueriesOnlyExported(after.names());
    }

    /** Every metric the dashboard and the alert rules query is one the application exports. */
    private static void assertQueriesOnlyExported(Set<String> exported) throws IOException {
        List<String> expressions = new ArrayList<>();
        collect(new ObjectMapper().readTree(Path.of("ops/grafana/airwarn.json").toFile()), "expr", expressions);
        collect(new YAMLMapper().readTree(Files.readString(Path.of("ops/prometheus/alerts.yml"))), "expr",
                expressions);
        assertTrue(expressions.size() > 20, "the dashboard and the rules were read: " + expressions.size());
        Set<String> unknown = new TreeSet<>();
        for (String expression : expressions) {
            Matcher m = METRIC.matcher(expression);
            while (m.find()) {
                if (!exported.contains(m.group(1))) {
                    unknown.add(m.group(1));
                }
            }
        }
        assertEquals(Set.of(), unknown, "metrics queried but not exported");
    }

    private static void collect(JsonNode node, String field, List<String> into) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals(field) && e.getValue().isTextual()) {
                    into.add(e.getValue().asText());
                } else {
                    collect(e.getValue(), field, into);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, field, into));
        }
    }

    private static double delta(Scrape before, Scrape after, String name, String... labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }

    private static ScheduledExecution execution() {
        Instant now = Instant.now();
        return new ScheduledExecution() {
            @Override
            public Trigger getTrigger() {
                return null;
            }

            @Override
            public Instant getFireTime() {
                return now;
            }

            @Override
            public Instant getScheduledFireTime() {
                return now;
            }
        };
    }
}
