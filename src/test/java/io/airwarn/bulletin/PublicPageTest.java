package io.airwarn.bulletin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.airwarn.warning.IssuedWarnings;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The public page: warnings in force with advice and measures, the map of all 12 units, the subscription form. */
@QuarkusTest
class PublicPageTest {

    /** ISO-8601, Beijing time, whole seconds, with the offset: 2026-12-02T05:07:00+08:00. */
    private static final String ISO_BEIJING = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00";

    @Test
    void showsTheWarningsInForceTheMapAndTheSubscriptionForm() {
        IssuedWarnings.issue("220500", "YELLOW", "approver", 30);
        given().when().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("id=\"unit-220500\""))
                .body(containsString("黄色预警 yellow"))
                .body(containsString("通化市"))
                .body(containsString("id=\"map-CBS-MAC\""))
                .body(containsString("id=\"subscribe-form\""))
                .body(matchesPattern("(?s).*<script src=\"/static/public\\.js\\?v=[0-9a-f]{10}\"></script>.*"))
                .body(not(containsString("<script>")));
        given().when().get("/static/public.js").then().statusCode(200);
        given().when().get("/static/airwarn.css").then().statusCode(200);

        // The public JSON gives times as ISO-8601 in Beijing time to the second; the page shows them to the minute.
        String path = "find { it.unit == '220500' }.";
        String updated = given().when().get("/api/public/warnings").then().statusCode(200)
                .body(path + "onset", matchesPattern(ISO_BEIJING))
                .body(path + "expectedEnd", matchesPattern(ISO_BEIJING))
                .body(path + "updated", matchesPattern(ISO_BEIJING))
                .extract().path(path + "updated");
        given().when().get("/").then().statusCode(200)
                .body(containsString("updated " + updated.substring(0, 16).replace('T', ' ') + ")"))
                .body(not(containsString(updated)));
    }

    @Test
    void anExerciseIsNeverShownAsAWarningOnThePublicPage() {
        int id = given().auth().preemptive().basic("duty", "duty-demo").contentType(ContentType.JSON)
                .body(String.format("{\"city\": \"220184\", \"level\": \"ORANGE\", \"onset\": \"%s\", "
                                + "\"expectedEnd\": \"%s\", \"exercise\": true}",
                        IssuedWarnings.at(Duration.ofHours(30)), IssuedWarnings.at(Duration.ofHours(60))))
                .when().post("/api/warnings").then().statusCode(200).extract().path("id");
        act("duty", id, "{\"action\": \"SUBMIT\"}");
        act("commander", id, "{\"action\": \"APPROVE\"}");
        given().when().get("/").then().statusCode(200).body(not(containsString("/cap/airwarn-" + id + "-")));
        // Lifted again, so no exercise stays under way for the other tests.
        act("duty", id, "{\"action\": \"REQUEST_CHANGE\", \"level\": \"NONE\", \"reason\": \"drill over\"}");
        act("commander", id, "{\"action\": \"APPROVE\"}");
    }

    @Test
    void staticFilesGoCompressedAndVersionedLinksAreCachedForAYear() {
        String page = given().when().get("/").then().statusCode(200).extract().asString();
        String css = page.replaceAll("(?s).*href=\"(/static/airwarn\\.css\\?v=[0-9a-f]{10})\".*", "$1");
        given().header("Accept-Encoding", "gzip").when().get(css).then().statusCode(200)
                .header("Content-Encoding", "gzip")
                .header("Cache-Control", equalTo("public, max-age=31536000, immutable"));
        given().header("Accept-Encoding", "gzip").when().get("/static/airwarn.css?v=0000000000").then()
                .statusCode(200).header("Cache-Control", equalTo("no-cache"));
        given().header("Accept-Encoding", "gzip").when().get("/static/airwarn.css").then().statusCode(200)
                .header("Cache-Control", equalTo("no-cache"));
        given().header("Accept-Encoding", "gzip").when().get("/webjars/echarts/5.3.1/dist/echarts.min.js").then()
                .statusCode(200).header("Content-Encoding", "gzip")
                .header("Cache-Control", equalTo("public, max-age=31536000, immutable"));
        given().header("Accept-Encoding", "gzip").when().get("/api/public/warnings").then().statusCode(200)
                .header("Content-Encoding", "gzip");
        given().header("Accept-Encoding", "gzip").when().get("/").then().statusCode(200)
                .header("Content-Encoding", "gzip");
        // A page with a form token is not compressed (BREACH).
        given().header("Accept-Encoding", "gzip").when().get("/login").then().statusCode(200)
                .contentType(startsWith("text/html")).header("Content-Encoding", not(equalTo("gzip")));
    }

    private static void act(String user, int id, String body) {
        given().auth().preemptive().basic(user, user + "-demo").contentType(ContentType.JSON).body(body).when()
                .post("/api/warnings/" + id + "/actions").then().statusCode(200);
    }
}
