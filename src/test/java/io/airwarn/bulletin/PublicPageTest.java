package io.airwarn.bulletin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.airwarn.warning.IssuedWarnings;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The public page: warnings in force with advice and measures, the map of all 12 units, the subscription form. */
@QuarkusTest
class PublicPageTest {

    @Test
    void showsTheWarningsInForceTheMapAndTheSubscriptionForm() {
        IssuedWarnings.issue("220500", "YELLOW", "approver", 30);
        given().when().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("id=\"unit-220500\""))
                .body(containsString("黄色预警 yellow"))
                .body(containsString("通化市"))
                .body(containsString("id=\"map-CBS-MAC\""))
                .body(containsString("id=\"subscribe-form\""))
                .body(containsString("<script src=\"/static/public.js\"></script>"))
                .body(not(containsString("<script>")));
        given().when().get("/static/public.js").then().statusCode(200);
        given().when().get("/static/airwarn.css").then().statusCode(200);
    }
}
