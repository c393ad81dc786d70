package io.airwarn.city;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CityResourceTest {

    @Test
    void listsTheTwelveUnitsOfTheProvincialRules() {
        given().when().get("/api/cities").then().statusCode(200)
                .body("size()", equalTo(12))
                .body("code", contains("220100", "220200", "220300", "220400", "220500", "220600", "220700", "220800",
                        "222400", "CBS-MAC", "220581", "220184"))
                .body("[0].nameZh", equalTo("长春市"))
                .body("[0].nameEn", equalTo("Changchun"))
                .body("find { it.code == 'CBS-MAC' }.officialCode", equalTo(false))
                .body("find { it.code == '220100' }.officialCode", equalTo(true))
                .body("find { it.code == '220184' }.formerCodes.code", hasItems("220381"));
    }

    /** Health is on the management interface, off the public listener. */
    @TestHTTPResource(value = "health", management = true)
    URL health;

    @Test
    void healthIncludesTheDatabaseOnTheManagementInterfaceOnly() {
        given().when().get("/q/health").then().statusCode(404);
        given().when().get(health).then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems(org.hamcrest.Matchers.containsString("Reactive PostgreSQL")));
    }

    @Test
    void openApiDocumentsTheContracts() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/aqi/calculate"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/cities/{code}/aqi/daily"))
                .body("info.description", containsString("Beijing time"));
    }
}
