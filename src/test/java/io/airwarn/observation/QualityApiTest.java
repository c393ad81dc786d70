package io.airwarn.observation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An import with a planted spike: the station hour is flagged, left out of the unit's AQI, listed per station; an
 * officer's overrule lets it count again.
 */
@QuarkusTest
class QualityApiTest {

    private static final String UNIT = "220400";
    private static final LocalDateTime FIRST = LocalDateTime.of(2014, 6, 1, 0, 0);
    private static final LocalDateTime SPIKE = FIRST.plusHours(12);

    private static String observations() {
        List<String> items = new ArrayList<>();
        for (int h = 0; h < 48; h++) {
            LocalDateTime t = FIRST.plusHours(h);
            for (String station : List.of("Q1", "Q2", "Q3")) {
                double so2 = station.equals("Q1") && t.equals(SPIKE) ? 400 : 10 + h % 3;
                items.add(String.format("{\"city\": \"%s\", \"station\": \"%s\", \"time\": \"%s\", \"so2\": %s, "
                        + "\"pm25\": %d, \"pm10\": %d}", UNIT, station, t, so2, 30 + h % 5, 60 + h % 7));
            }
        }
        return "[" + String.join(",", items) + "]";
    }

    @Test
    void aSpikeIsFlaggedLeftOutAndCountsAgainWhenOverruled() {
        asDuty().contentType(ContentType.JSON).body(observations()).when().post("/api/observations").then()
                .statusCode(200);
        int station = given().when().get("/api/cities/" + UNIT + "/stations").then().statusCode(200).extract()
                .path("find { it.name == 'Q1' }.id");
        given().when().get("/api/stations/" + station + "/quality").then().statusCode(200)
                .body("byReason.SPIKE", equalTo(1)).body("flags[0].pollutant", equalTo("SO2"))
                .body("flags[0].observedAt", equalTo(SPIKE.toString())).body("flags[0].status", equalTo("FLAGGED"));
        // Hour 12: Q2 and Q3 read 10 + 12 % 3 = 10; Q1's 400 is left out.
        given().queryParam("from", SPIKE.toString()).queryParam("to", SPIKE.toString()).when()
                .get("/api/cities/" + UNIT + "/aqi/hourly").then().statusCode(200)
                .body("[0].concentrations.SO2_1H", equalTo(10.0f)).body("[0].flagged.SO2", equalTo(1))
                .body("[0].completeness.SO2_1H.valid", equalTo(2));
        given().queryParam("from", SPIKE.toLocalDate().toString()).queryParam("to", SPIKE.toLocalDate().toString())
                .when().get("/api/cities/" + UNIT + "/aqi/daily").then().statusCode(200)
                .body("[0].flagged.SO2", equalTo(1));

        String decision = String.format("{\"observedAt\": \"%s\", \"pollutant\": \"SO2\", \"reason\": \"SPIKE\", "
                + "\"decision\": \"OVERRULE\", \"note\": \"calibration checked: the plume was real\"}", SPIKE);
        given().contentType(ContentType.JSON).body(decision).when()
                .post("/api/stations/" + station + "/quality/decisions").then().statusCode(401);
        given().auth().preemptive().basic("viewer", "viewer-demo").contentType(ContentType.JSON).body(decision)
                .when().post("/api/stations/" + station + "/quality/decisions").then().statusCode(403);
        asDuty().contentType(ContentType.JSON)
                .body(decision.replace("calibration checked: the plume was real", " ")).when()
                .post("/api/stations/" + station + "/quality/decisions").then().statusCode(400);
        asDuty().contentType(ContentType.JSON).body(decision).when()
                .post("/api/stations/" + station + "/quality/decisions").then().statusCode(200)
                .body("status", equalTo("OVERRULED")).body("decidedBy", equalTo("duty"));
        given().queryParam("from", SPIKE.toString()).queryParam("to", SPIKE.toString()).when()
                .get("/api/cities/" + UNIT + "/aqi/hourly").then().statusCode(200)
                .body("[0].concentrations.SO2_1H", equalTo(140.0f)).body("[0].flagged.SO2", nullValue());
        given().auth().preemptive().basic("commander", "commander-demo").when().get("/api/audit").then()
                .body("action", hasItem("quality.overruled"));

        // Importing the same file again keeps the officer's decision.
        asDuty().contentType(ContentType.JSON).body(observations()).when().post("/api/observations").then()
                .statusCode(200);
        given().when().get("/api/stations/" + station + "/quality").then().body("flags[0].status",
                equalTo("OVERRULED"));
        given().when().get("/api/stations/999999/quality").then().statusCode(404);
    }

    /** A duty officer: importing observations, running forecasts and reading plans need one. */
    private static io.restassured.specification.RequestSpecification asDuty() {
        return given().auth().preemptive().basic("duty", "duty-demo");
    }
}
