package io.airwarn.warning;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.airwarn.platform.Eventually;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Forecast runs raise proposals, and three units proposing for overlapping days raise a regional proposal. The
 * units replay the US Embassy record of January 2013, whose 12 January was the worst day of the data set.
 */
@QuarkusTest
class ProposalApiTest {

    /**
     * Units in which no other test issues a warning: a warning already in force at the level a forecast calls for
     * rightly raises no proposal, so units with one would make this test depend on the order the tests run in.
     */
    private static final List<String> UNITS = List.of("220100", "220184", "CBS-MAC");
    private static final String STAGNANT = """
            [{"date": "2013-01-13", "temperature": -3, "dewPoint": -5, "pressure": 1022, "windSpeed": 0.8,
              "windDirection": "S", "precipitation": 0},
             {"date": "2013-01-14", "temperature": -2, "dewPoint": -4, "pressure": 1020, "windSpeed": 0.7,
              "windDirection": "S", "precipitation": 0},
             {"date": "2013-01-15", "temperature": -2, "dewPoint": -4, "pressure": 1019, "windSpeed": 0.9,
              "windDirection": "SE", "precipitation": 0}]""";

    @Test
    void forecastsRaiseCityAndRegionalProposals() throws IOException, InterruptedException {
        byte[] january = Files.readAllBytes(Path.of("src/test/resources/prsa/PRSA_data_201301_us_embassy.csv"));
        Set<Integer> runs = new HashSet<>();
        for (String unit : UNITS) {
            asDuty().contentType("text/csv").body(january).queryParam("city", unit).queryParam("station", "US Embassy")
                    .when().post("/api/observations/csv").then().statusCode(200);
            // A stagnant spell forecast by the weather service: humid, calm, southerly, no rain.
            asDuty().contentType(ContentType.JSON).body(STAGNANT).when().post("/api/cities/" + unit + "/met-forecast")
                    .then().statusCode(200);
            int run = asDuty().queryParam("city", unit).queryParam("issuedAt", "2013-01-13T07:00+08:00")
                    .when().post("/api/forecast/run").then().statusCode(200).extract().path("[0].runId");
            runs.add(run);
        }
        List<Map<String, Object>> all = Eventually.value("a proposal per unit and a regional one",
                Duration.ofSeconds(30), () -> asDuty().queryParam("status", "ALL").when()
                        .get("/api/warnings/proposals").then().statusCode(200).extract().jsonPath()
                        .<Map<String, Object>>getList("$"),
                list -> mine(list, runs).size() >= UNITS.size() && regional(list));
        List<Map<String, Object>> mine = mine(all, runs);
        boolean regional = regional(all);
        assertEquals(UNITS.size(), mine.size(), "one proposal per unit: " + mine);
        for (Map<String, Object> p : mine) {
            assertTrue(List.of("YELLOW", "ORANGE", "RED").contains(p.get("level")), p.toString());
            String evidence = (String) p.get("evidence");
            assertTrue(evidence.contains("\"criteria\":\"mee-2019\"") && evidence.contains("pAbove200")
                    && evidence.contains("verification"), evidence);
        }
        assertTrue(regional, "a regional proposal lists the three units");
    }

    /** A duty officer: importing observations, running forecasts and reading plans need one. */
    private static io.restassured.specification.RequestSpecification asDuty() {
        return given().auth().preemptive().basic("duty", "duty-demo");
    }

    private static List<Map<String, Object>> mine(List<Map<String, Object>> proposals, Set<Integer> runs) {
        return proposals.stream().filter(p -> p.get("forecastRun") != null
                && runs.contains(((Number) p.get("forecastRun")).intValue())).toList();
    }

    private static boolean regional(List<Map<String, Object>> proposals) {
        return proposals.stream().anyMatch(p -> Boolean.TRUE.equals(p.get("regional"))
                && ((List<?>) p.get("units")).containsAll(UNITS));
    }
}
