package io.airwarn.warning;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Tests that need an issued warning: drafted and submitted by the demo duty officer, approved by a demo approver. */
public final class IssuedWarnings {

    private IssuedWarnings() {
    }

    /** A Beijing time {@code fromNow} from now, whole seconds, as the API takes it. */
    public static String at(Duration fromNow) {
        return OffsetDateTime.now(ZoneOffset.ofHours(8)).plus(fromNow).withNano(0).toString();
    }

    /** Issues a warning for the unit from 30 to {@code 30 + hours} hours from now; returns its id. */
    public static int issue(String unit, String level, String approver, int hours) {
        int id = given().auth().preemptive().basic("duty", "duty-demo").contentType(ContentType.JSON)
                .body(String.format("{\"city\": \"%s\", \"level\": \"%s\", \"onset\": \"%s\", \"expectedEnd\": \"%s\"}",
                        unit, level, at(Duration.ofHours(30)), at(Duration.ofHours(30 + hours))))
                .when().post("/api/warnings").then().statusCode(200).extract().path("id");
        given().auth().preemptive().basic("duty", "duty-demo").contentType(ContentType.JSON)
                .body("{\"action\": \"SUBMIT\"}").when().post("/api/warnings/" + id + "/actions").then().statusCode(200);
        given().auth().preemptive().basic(approver, approver + "-demo").contentType(ContentType.JSON)
                .body("{\"action\": \"APPROVE\"}").when().post("/api/warnings/" + id + "/actions").then()
                .statusCode(200);
        return id;
    }
}
