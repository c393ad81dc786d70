package io.airwarn.forecast;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Model files are checked whole; a broken one is reported by name and the last good model stays in use. */
@QuarkusTest
class ForecastModelRegistryTest {

    private static final Path FILE = Path.of("target/test-forecast-models/220800.yaml");

    @Test
    void aBrokenFileIsReportedAndDoesNotReplaceTheLastGoodModel() throws IOException {
        Files.createDirectories(FILE.getParent());
        String good = Files.readString(Path.of("forecast-models/default.yaml")).replace("id: default", "id: baicheng");
        try {
            Files.writeString(FILE, good);
            String version = asDuty().when().post("/api/forecast/models/reload").then().statusCode(200)
                    .body("models.name", hasItem("220800")).body("problems.size()", equalTo(0))
                    .extract().path("models.find { it.name == '220800' }.version");

            Files.writeString(FILE, good.replace("residualPercentiles:", "residualPercentile:"));
            asDuty().when().post("/api/forecast/models/reload").then().statusCode(200)
                    .body("problems[0]", containsString(FILE.toString()))
                    .body("problems[0]", containsString("residualPercentile"))
                    .body("problems[0]", containsString("the previous 220800 model stays in use"))
                    .body("models.find { it.name == '220800' }.version", equalTo(version));

            Files.writeString(FILE, good.replace("formatVersion: 3", "formatVersion: 9"));
            asDuty().when().post("/api/forecast/models/reload").then().statusCode(200)
                    .body("problems[0]", containsString("formatVersion"));

            Files.writeString(FILE, good.replaceFirst("pollutants:\n- PM2_5\n", "pollutants:\n"));
            asDuty().when().post("/api/forecast/models/reload").then().statusCode(200)
                    .body("problems[0]", containsString("pollutants must list PM2_5 first"));
        } finally {
            Files.deleteIfExists(FILE);
            asDuty().when().post("/api/forecast/models/reload").then().statusCode(200)
                    .body("models.name", not(hasItem("220800"))).body("models.name", hasItem("default"));
        }
    }

    /** A duty officer: importing observations, running forecasts and reading plans need one. */
    private static io.restassured.specification.RequestSpecification asDuty() {
        return given().auth().preemptive().basic("duty", "duty-demo");
    }
}
