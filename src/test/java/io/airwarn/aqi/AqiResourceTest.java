package io.airwarn.aqi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AqiResourceTest {

    private static io.restassured.response.ValidatableResponse post(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/aqi/calculate").then();
    }

    @Test
    void calculatesTheContractShape() {
        post("""
                {"standard": "HJ633-2012", "concentrations": {"PM2_5_24H": 100, "PM10_24H": 150, "NO2_24H": 40}}""")
                .statusCode(200)
                .body("aqi", equalTo(132))
                .body("category.level", equalTo(3))
                .body("category.zh", equalTo("轻度污染"))
                .body("category.en", equalTo("Lightly polluted"))
                .body("category.color", equalTo("#FF7E00"))
                .body("primaryPollutants", contains("PM2_5_24H"))
                .body("exceedingPollutants", contains("PM2_5_24H"))
                .body("iaqi.PM2_5_24H", equalTo(132))
                .body("iaqi.PM10_24H", equalTo(100))
                .body("iaqi.NO2_24H", equalTo(50));
    }

    @Test
    void standardIsOptionalAndTheRevisedTableIsSelectable() {
        post("{\"concentrations\": {\"PM2_5_24H\": 75}}").statusCode(200).body("aqi", equalTo(100));
        post("{\"standard\": \"HJ633-2026\", \"concentrations\": {\"PM2_5_24H\": 75}}").statusCode(200)
                .body("aqi", equalTo(114));
        post("{\"standard\": \"HJ 633—2012\", \"concentrations\": {\"PM2_5_24H\": 75}}").statusCode(200)
                .body("standard", equalTo("HJ633-2012"));
    }

    @Test
    void heavyPollutionIsPurple() {
        post("{\"concentrations\": {\"PM2_5_24H\": 200}}").statusCode(200)
                .body("aqi", equalTo(250)).body("category.level", equalTo(5)).body("category.color", equalTo("#99004C"));
    }

    @Test
    void noPrimaryPollutantWhenAqiIsFiftyOrLess() {
        post("{\"concentrations\": {\"PM2_5_24H\": 20}}").statusCode(200)
                .body("aqi", equalTo(29)).body("primaryPollutants", empty());
    }

    @Test
    void badInputIsRejectedNamingTheField() {
        post("{\"concentrations\": {\"PM2_5_24H\": -1}}").statusCode(400)
                .body("error", equalTo("invalid_concentration")).body("message", containsString("PM2_5_24H"));
        post("{\"concentrations\": {\"PM2_5_24H\": \"high\"}}").statusCode(400)
                .body("message", containsString("concentrations.PM2_5_24H must be a number"));
        post("{\"concentrations\": {\"PM2_5_24H\": null}}").statusCode(400)
                .body("message", containsString("concentrations.PM2_5_24H is missing"));
        post("{\"concentrations\": {\"PM25\": 10}}").statusCode(400)
                .body("message", containsString("concentrations.PM25 is not a known key"));
        post("{\"concentrations\": {}}").statusCode(400).body("message", containsString("concentrations is empty"));
        post("{}").statusCode(400).body("message", containsString("concentrations is required"));
        post("{\"standard\": \"HJ633-1999\", \"concentrations\": {\"PM2_5_24H\": 10}}").statusCode(400)
                .body("error", equalTo("unknown_standard")).body("message", containsString("standard HJ633-1999"));
        post("{\"concentrations\": {\"SO2_1H\": 900}}").statusCode(400)
                .body("message", containsString("SO2_24H"));
        post("{\"concentrations\": ").statusCode(400).body("error", equalTo("invalid_json"))
                .body("details", empty());
    }

    @Test
    void errorsHaveTheStableShape() {
        given().when().get("/api/no-such-thing").then().statusCode(404)
                .body("error", equalTo("not_found")).body("message", org.hamcrest.Matchers.notNullValue())
                .body("details", empty());
        post("{\"concentrations\": {\"PM2_5_24H\": -1, \"PM10_24H\": -2}}").statusCode(400)
                .body("details.size()", equalTo(2)).body("stack", nullValue());
    }
}
