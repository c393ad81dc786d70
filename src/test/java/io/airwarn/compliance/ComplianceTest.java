package io.airwarn.compliance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.airwarn.platform.MovableClock;
import io.airwarn.warning.IssuedWarnings;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A red warning's enterprises against stack data planted as stored from their monitors: some cut as ordered, some
 * did not, some monitors were silent, some flagged maintenance. The verdicts are exactly as planted; one enforcement
 * task goes to the supervising unit of each enterprise that did not cut, once, and a duty officer closes it.
 */
@QuarkusTest
class ComplianceTest {

    private static final String UNIT = "220400";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    StackData data;

    @Inject
    StackDevices devices;

    @Inject
    ComplianceService compliance;

    @Inject
    MovableClock clock;

    @Inject
    Pool pool;

    @AfterEach
    void timeAsItWas() {
        clock.reset();
    }

    private static JsonPath compliance(int warning) {
        return given().auth().preemptive().basic("viewer", "viewer-demo").when()
                .get("/api/warnings/" + warning + "/compliance").then().log().ifValidationFails().statusCode(200)
                .extract().jsonPath();
    }

    private long count(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).await().atMost(WAIT).iterator().next().getLong(0);
    }

    @Test
    void verdictsAreAsPlantedAndEachShortEnterpriseGetsOneEnforcementTask() {
        int warning = IssuedWarnings.issue(UNIT, "RED", "commander", 24);
        OffsetDateTime from = pool.preparedQuery("SELECT min(response_start) FROM activation WHERE warning_id = $1")
                .execute(Tuple.of((long) warning)).await().atMost(WAIT).iterator().next().getOffsetDateTime(0)
                .truncatedTo(ChronoUnit.HOURS).withOffsetSameInstant(ZoneOffset.UTC);
        int responseHours = 6;
        clock.advance(Duration.between(clock.instant(), from.toInstant()).plusHours(responseHours).plusMinutes(5));

        JsonPath before = compliance(warning);
        List<Map<String, Object>> enterprises = before.getList("enterprises");
        assertTrue(enterprises.size() > 50, "the red warning ordered the unit's enterprises: " + enterprises.size());
        Map<String, String> planted = new HashMap<>();
        List<StackData.Value> values = new ArrayList<>();
        int n = 0;
        for (Map<String, Object> e : enterprises) {
            String id = (String) e.get("id");
            List<String> stacks = devices.ofEnterprise(id);
            Number required = (Number) e.get("requiredCut");
            if (stacks.isEmpty()) {
                planted.put(id, "NO_DEVICE");
                continue;
            }
            if (required == null || required.doubleValue() < 0.1) {
                continue;
            }
            String plan = List.of("COMPLIANT", "NOT_COMPLIANT", "NO_DATA_SILENT", "NO_DATA_MAINTENANCE").get(n++ % 4);
            planted.put(id, plan.startsWith("NO_DATA") ? "NO_DATA" : plan);
            double cut = plan.equals("COMPLIANT") ? Math.min(0.99, required.doubleValue() + 0.05)
                    : required.doubleValue() / 3;
            for (String mn : stacks) {
                for (OffsetDateTime h = from.minusDays(14); h.isBefore(from); h = h.plusHours(1)) {
                    values.addAll(hour(mn, h, 10, "N"));
                }
                if (!plan.equals("NO_DATA_SILENT")) {
                    for (int i = 0; i < responseHours; i++) {
                        values.addAll(hour(mn, from.plusHours(i), 10 * (1 - cut),
                                plan.equals("NO_DATA_MAINTENANCE") ? "M" : "N"));
                    }
                }
            }
        }
        assertTrue(n >= 8, "enough enterprises with monitors and a real cut to plant every case: " + n);
        for (int i = 0; i < values.size(); i += 20_000) {
            data.write(values.subList(i, Math.min(values.size(), i + 20_000)), Map.of(),
                    OffsetDateTime.now(clock)).await().atMost(WAIT);
        }

        JsonPath after = compliance(warning);
        Map<String, String> found = new HashMap<>();
        after.getList("enterprises", Map.class).forEach(e -> found.put((String) e.get("id"), (String) e.get("status")));
        planted.forEach((id, status) -> assertEquals(status, found.get(id), id));
        long shortOnes = planted.values().stream().filter("NOT_COMPLIANT"::equals).count();
        assertEquals((int) shortOnes, after.getInt("counts.NOT_COMPLIANT"));
        assertEquals(planted.values().stream().filter("NO_DEVICE"::equals).count(),
                (long) after.getInt("counts.NO_DEVICE"));

        JsonPath report = given().auth().preemptive().basic("viewer", "viewer-demo").when()
                .get("/api/warnings/" + warning + "/report").then().statusCode(200).extract().jsonPath();
        assertEquals((int) shortOnes, report.getInt("measured.counts.NOT_COMPLIANT"));
        assertTrue(report.getDouble("measured.avoidedTonnes.NOx") > 0, "the monitors measured less NOx");
        assertTrue(report.getDouble("measured.plannedTonnes.NOx") > 0, "beside the plan's estimate");

        assertEquals((int) shortOnes, compliance.enforce(warning).await().atMost(WAIT), "one task each");
        assertEquals(0, compliance.enforce(warning).await().atMost(WAIT), "and only once per warning");
        assertEquals(shortOnes, count("SELECT count(*) FROM plan_order o JOIN activation a ON a.id = o.activation_id "
                + "WHERE a.warning_id = $1 AND o.kind = 'ENFORCEMENT' AND o.recipient_type = 'SUPERVISOR'",
                (long) warning));
        assertTrue(count("SELECT count(*) FROM outbox WHERE idempotency_key LIKE 'enforcement-%' AND unit = $1", UNIT)
                > 0, "the supervising units are told by SMS");

        String shortOne = planted.entrySet().stream().filter(e -> e.getValue().equals("NOT_COMPLIANT")).findFirst()
                .orElseThrow().getKey();
        given().auth().preemptive().basic("duty", "duty-demo").contentType(ContentType.JSON)
                .body(Map.of("note", "")).when().post("/api/warnings/" + warning + "/compliance/" + shortOne + "/close")
                .then().statusCode(400).body("error", equalTo("invalid_note"));
        given().auth().preemptive().basic("viewer", "viewer-demo").contentType(ContentType.JSON)
                .body(Map.of("note", "现场核查：两条生产线仍在运行，已责令停产")).when()
                .post("/api/warnings/" + warning + "/compliance/" + shortOne + "/close").then().statusCode(403);
        given().auth().preemptive().basic("duty", "duty-demo").contentType(ContentType.JSON)
                .body(Map.of("note", "现场核查：两条生产线仍在运行，已责令停产")).when()
                .post("/api/warnings/" + warning + "/compliance/" + shortOne + "/close").then().statusCode(200);
        given().auth().preemptive().basic("duty", "duty-demo").contentType(ContentType.JSON)
                .body(Map.of("note", "again")).when()
                .post("/api/warnings/" + warning + "/compliance/" + shortOne + "/close").then().statusCode(404);
        assertEquals(1, count("SELECT count(*) FROM compliance_finding WHERE warning_id = $1 AND enterprise_id = $2 "
                + "AND closed_by = 'duty' AND note LIKE '现场核查%'", (long) warning, shortOne));

        Map<String, String> session = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "viewer").formParam("j_password", "viewer-demo").when()
                .post("/j_security_check").then().statusCode(302).extract().cookies();
        String detail = given().cookies(session).when().get("/console/warnings/" + warning + "/compliance/" + shortOne)
                .then().statusCode(200).extract().asString();
        assertTrue(detail.contains("现场核查：两条生产线仍在运行") && detail.contains("<polyline class=\"rate\"")
                && detail.contains("<polyline class=\"stack stack-0\""), detail);
        String silent = planted.entrySet().stream().filter(e -> e.getValue().equals("NO_DATA")).findFirst()
                .orElseThrow().getKey();
        assertTrue(given().cookies(session).when().get("/console/warnings/" + warning + "/compliance/" + silent)
                .then().statusCode(200).extract().asString().contains("无有效监测数据"), "a page without figures");
        String page = given().cookies(session).when()
                .get("/console/warnings/" + warning + "/compliance?status=NOT_COMPLIANT").then().statusCode(200)
                .extract().asString();
        assertTrue(page.contains("未按要求减排") && page.contains("data-enterprise=\"" + shortOne + "\"")
                && !page.matches("(?s).*data-enterprise=\"[^\"]*\" data-status=\"COMPLIANT\".*"), page);
    }

    @Test
    void theUnitsDevicesAreListedForStaffOnly() {
        String mn = devices.ofUnit(UNIT).get(0).mn();
        given().auth().preemptive().basic("viewer", "viewer-demo").queryParam("unit", UNIT).when()
                .get("/api/compliance/devices").then().statusCode(200)
                .body("find { it.mn == '" + mn + "' }.enterprise", equalTo(devices.device(mn).orElseThrow()
                        .enterpriseId()));
        given().queryParam("unit", UNIT).when().get("/api/compliance/devices").then().statusCode(401);
        given().auth().preemptive().basic("viewer", "viewer-demo").queryParam("unit", "nowhere").when()
                .get("/api/compliance/devices").then().statusCode(404);
    }

    @Test
    void hoursSentOnlyAsMinutesAreMadeFromTheirNormalMinutes() {
        OffsetDateTime hour = OffsetDateTime.parse("2026-01-05T10:00:00+08:00");
        List<StackData.Value> values = new ArrayList<>();
        values.add(new StackData.Value("AWMINUTES01", "a34013", hour, false, 5.0, null, 0.5, "N"));
        for (int m = 0; m < 60; m++) {
            OffsetDateTime at = hour.plusMinutes(m);
            values.add(new StackData.Value("AWMINUTES01", "a21026", at, true, 10.0 + m % 2, null, null, "N"));
            values.add(new StackData.Value("AWMINUTES01", "a21002", at, true, 50.0, null, null, m < 30 ? "N" : "M"));
            values.add(new StackData.Value("AWMINUTES01", "a34013", at, true, 99.0, null, null, "N"));
        }
        data.write(values, Map.of("AWMINUTES01", 181L), hour).await().atMost(WAIT);

        assertEquals(2, data.hoursFromMinutes(hour.minusHours(1), hour.plusHours(2)).await().atMost(WAIT),
                "SO2 and NOx made; the dust hour the device sent stands");
        Map<String, String> hours = new HashMap<>();
        pool.preparedQuery("SELECT pollutant, avg, flag FROM stack_hour WHERE mn = 'AWMINUTES01' AND hour = $1")
                .execute(Tuple.of(hour)).await().atMost(WAIT)
                .forEach(r -> hours.put(r.getString(0), r.getDouble(1) + " " + r.getString(2)));
        assertEquals(Map.of("a21026", "10.5 N", "a21002", "50.0 D", "a34013", "5.0 N"), hours,
                "60 normal minutes make a valid hour, 30 do not (45 needed)");
        assertEquals(0, data.hoursFromMinutes(hour.minusHours(1), hour.plusHours(2)).await().atMost(WAIT),
                "made once");
    }

    /** An hour of a stack emitting {@code kg} kg/h of SO2, NOx and dust together. */
    private static List<StackData.Value> hour(String mn, OffsetDateTime at, double kg, String flag) {
        return List.of(new StackData.Value(mn, "a21026", at, false, 30.0, 32.0, kg * 0.2, flag),
                new StackData.Value(mn, "a21002", at, false, 90.0, 95.0, kg * 0.7, flag),
                new StackData.Value(mn, "a34013", at, false, 8.0, 8.5, kg * 0.1, flag));
    }
}
