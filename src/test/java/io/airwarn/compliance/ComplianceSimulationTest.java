package io.airwarn.compliance;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.airwarn.compliance.hj212.DeviceSimulator;
import io.airwarn.platform.MovableClock;
import io.airwarn.warning.IssuedWarnings;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The whole loop over real TCP: the simulator plays 200 and more registered stack monitors of a unit with a red
 * warning (baseline days, then the response hours: most cut, some do not, some go silent, some flag maintenance);
 * the listener answers each frame once stored; the verdicts are exactly as planted, each enterprise that did not cut
 * gets one enforcement task and no other does; frames from unknown devices or with a wrong password store nothing.
 */
@QuarkusTest
class ComplianceSimulationTest {

    private static final String UNIT = "220200";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Hj212Listener listener;

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

    private long count(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).await().atMost(WAIT).iterator().next().getLong(0);
    }

    @Test
    void theSimulatedMonitorsVerdictsAreExactlyAsPlanted() throws Exception {
        int warning = IssuedWarnings.issue(UNIT, "RED", "commander", 24);
        OffsetDateTime from = pool.preparedQuery("SELECT min(response_start) FROM activation WHERE warning_id = $1")
                .execute(Tuple.of((long) warning)).await().atMost(WAIT).iterator().next().getOffsetDateTime(0)
                .truncatedTo(ChronoUnit.HOURS);
        int hours = 4;

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            exit = new CommandLine(new Hj212SimCommand()).execute("--port", Integer.toString(listener.port()),
                    "--unit", UNIT, "--enterprises", "165", "--comply", "0.7", "--silent", "0.08", "--maintenance",
                    "0.08", "--from", from.withOffsetSameInstant(ZoneOffset.ofHours(8)).toString(), "--hours",
                    Integer.toString(hours), "--baseline-days", "3", "--password", "123456", "--seed", "7");
        } finally {
            System.setOut(stdout);
        }
        assertEquals(0, exit, out.toString(StandardCharsets.UTF_8));
        JsonNode report = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        int devices = 0;
        long expectedFrames = 0;
        Map<String, String> planted = new HashMap<>();
        for (JsonNode e : report.get("enterprises")) {
            planted.put(e.get("id").asText(), e.get("status").asText());
            int stacks = e.get("stacks").size();
            devices += stacks;
            expectedFrames += stacks * (3 * 24L + (e.get("behaviour").asText().equals("silent") ? 0 : hours));
        }
        assertTrue(devices >= 200, "200 and more devices played: " + devices);
        System.out.printf("hj212-sim: %d devices, %d frames answered after storing in %s s%n", devices,
                report.get("frames").asLong(), report.get("seconds").asText());
        assertEquals(expectedFrames, report.get("frames").asLong(), "every frame answered with its 9014");
        assertEquals(expectedFrames * 4, count("SELECT count(*) FROM stack_hour h WHERE h.mn LIKE $1", "AW"
                + UNIT + "%"), "four values (SO2, NOx, dust, flow) of each frame stored");
        assertTrue(planted.containsValue("NOT_COMPLIANT") && planted.containsValue("NO_DATA"), planted.toString());

        clock.advance(Duration.between(clock.instant(), from.toInstant()).plusHours(hours).plusMinutes(5));
        JsonPath verdicts = given().auth().preemptive().basic("viewer", "viewer-demo").queryParam("status", "")
                .when().get("/api/warnings/" + warning + "/compliance").then().statusCode(200).extract().jsonPath();
        Map<String, String> found = new HashMap<>();
        verdicts.getList("enterprises", Map.class).forEach(e -> found.put((String) e.get("id"),
                (String) e.get("status")));
        planted.forEach((id, status) -> assertEquals(status, found.get(id), id + " as planted"));

        long shortOnes = planted.values().stream().filter("NOT_COMPLIANT"::equals).count();
        assertEquals((int) shortOnes, compliance.enforce(warning).await().atMost(WAIT));
        for (Map.Entry<String, String> e : planted.entrySet()) {
            assertEquals(e.getValue().equals("NOT_COMPLIANT") ? 1 : 0, count("SELECT count(*) FROM "
                    + "compliance_finding WHERE warning_id = $1 AND enterprise_id = $2", (long) warning, e.getKey()),
                    e.getKey() + " (" + e.getValue() + ")");
        }

        // What the listener must not store: an unknown device, a wrong password. It keeps serving the others.
        String known = report.get("enterprises").get(0).get("stacks").get(0).asText();
        long stored = count("SELECT count(*) FROM stack_hour");
        try (DeviceSimulator sim = new DeviceSimulator("127.0.0.1", listener.port(), Clock.systemUTC())) {
            sim.connect("AWNOSUCHDEVICE01", "123456");
            sim.connect(known, "654321");
            assertTrue(sim.hourly("AWNOSUCHDEVICE01", from.toLocalDateTime(), Map.of("a21026",
                    new DeviceSimulator.HourValues(1.0, 1.0, 1.0, "N"))).reply().contains("QnRtn=4"));
            assertTrue(sim.hourly(known, from.toLocalDateTime(), Map.of("a21026",
                    new DeviceSimulator.HourValues(1.0, 1.0, 1.0, "N"))).reply().contains("QnRtn=3"));
        }
        assertEquals(stored, count("SELECT count(*) FROM stack_hour"), "nothing refused was stored");
        given().auth().preemptive().basic("viewer", "viewer-demo").when().get("/api/compliance/unknown-devices")
                .then().statusCode(200).body("mn", org.hamcrest.Matchers.hasItem("AWNOSUCHDEVICE01"));
    }
}
