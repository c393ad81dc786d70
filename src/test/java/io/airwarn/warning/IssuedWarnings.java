package io.airwarn.warning;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Tests that need an issued warning: drafted and submitted by the demo duty officer, approved by a demo approver. */
public final class IssuedWarnings {

    /** The twelve units, for province-wide warnings. */
    public static final List<String> ALL_UNITS = List.of("220100", "220200", "220300", "220400", "220500", "220600",
            "220700", "220800", "222400", "CBS-MAC", "220581", "220184");

    private IssuedWarnings() {
    }

    /** A Beijing time {@code fromNow} from now, whole seconds, as the API takes it. */
    public static String at(Duration fromNow) {
        return OffsetDateTime.now(ZoneOffset.ofHours(8)).plus(fromNow).withNano(0).toString();
    }

    /** Issues a warning for the unit from 30 to {@code 30 + hours} hours from now; returns its id. */
    public static int issue(String unit, String level, String approver, int hours) {
        int id = submitted(unit, level, hours);
        given().auth().preemptive().basic(approver, approver + "-demo").contentType(ContentType.JSON)
                .body("{\"action\": \"APPROVE\"}").when().post("/api/warnings/" + id + "/actions").then()
                .statusCode(200);
        return id;
    }

    /** Drafts and submits the same warning, leaving it to be approved; returns its id. */
    public static int submitted(String unit, String level, int hours) {
        int id = given().auth().preemptive().basic("duty", "duty-demo").contentType(ContentType.JSON)
                .body(String.format("{\"city\": \"%s\", \"level\": \"%s\", \"onset\": \"%s\", \"expectedEnd\": \"%s\"}",
                        unit, level, at(Duration.ofHours(30)), at(Duration.ofHours(30 + hours))))
                .when().post("/api/warnings").then().statusCode(200).extract().path("id");
        given().auth().preemptive().basic("duty", "duty-demo").contentType(ContentType.JSON)
                .body("{\"action\": \"SUBMIT\"}").when().post("/api/warnings/" + id + "/actions").then().statusCode(200);
        return id;
    }
}
