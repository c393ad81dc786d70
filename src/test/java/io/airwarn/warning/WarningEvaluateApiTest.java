package io.airwarn.warning;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/** The evaluate contract over HTTP. */
@QuarkusTest
class WarningEvaluateApiTest {

    private static ValidatableResponse evaluate(String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/warnings/evaluate").then();
    }

    @Test
    void returnsTheLevelAndTheRunThatSetIt() {
        evaluate("""
                {"criteria": "mee-2019", "days": [{"date": "2026-12-02", "aqi": 180}, {"date": "2026-12-03", "aqi": 230},
                 {"date": "2026-12-04", "aqi": 320}, {"date": "2026-12-05", "aqi": 310}, {"date": "2026-12-06", "aqi": 260},
                 {"date": "2026-12-07", "aqi": 150}]}""")
                .statusCode(200)
                .body("$", aMapWithSize(4))
                .body("level", equalTo("RED")).body("onset", equalTo("2026-12-03")).body("days", equalTo(4))
                .body("reason", containsString("mee-2019"));
        evaluate("{\"days\": [{\"date\": \"2026-12-02\", \"aqi\": 100}]}").statusCode(200)
                .body("level", equalTo("NONE")).body("onset", nullValue()).body("days", equalTo(0));
        evaluate("{\"criteria\": \"mee-2017\", \"days\": [{\"date\": \"2026-12-02\", \"aqi\": 201}]}").statusCode(200)
                .body("level", equalTo("BLUE")).body("onset", equalTo("2026-12-02")).body("days", equalTo(1));
    }

    @Test
    void badInputIsRefusedNamingTheProblem() {
        evaluate("{\"criteria\": \"mee-2030\", \"days\": [{\"date\": \"2026-12-02\", \"aqi\": 201}]}").statusCode(400)
                .body("error", equalTo("unknown_criteria")).body("message", containsString("mee-2030"));
        evaluate("{\"days\": [{\"date\": \"2026-12-02\", \"aqi\": 201}, {\"date\": \"2026-12-04\", \"aqi\": 201}]}")
                .statusCode(400).body("error", equalTo("invalid_dates")).body("message", containsString("days[1]"));
        evaluate("{\"days\": [{\"date\": \"2026-12-02\", \"aqi\": -5}]}").statusCode(400)
                .body("message", containsString("days[0].aqi"));
        evaluate("{\"days\": [{\"date\": \"2026-12-02\", \"aqi\": \"high\"}]}").statusCode(400);
        evaluate("{\"days\": [{\"date\": \"2-12-2026\", \"aqi\": 10}]}").statusCode(400)
                .body("message", containsString("days[0].date"));
        evaluate("{\"days\": []}").statusCode(400);
        evaluate("[]").statusCode(400);
    }
}
