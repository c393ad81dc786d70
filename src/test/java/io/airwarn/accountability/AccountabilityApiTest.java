package io.airwarn.accountability;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rankings and target progress over HTTP, from daily values stored in the real database. */
@QuarkusTest
class AccountabilityApiTest {

    @Inject
    Pool pool;

    /** November 2014: Changchun 30 clean days, Jilin 30 days with twice the PM2.5, Siping only 20 days. */
    @BeforeEach
    void storeAMonth() {
        LocalDate first = LocalDate.of(2014, 11, 1);
        for (int i = 0; i < 30; i++) {
            store("220100", first.plusDays(i), 35, 80);
            store("220200", first.plusDays(i), 70, i < 15 ? 90 : 230);
            if (i < 20) {
                store("220300", first.plusDays(i), 35, 80);
            }
        }
    }

    private void store(String unit, LocalDate day, double pm25, int aqi) {
        pool.preparedQuery("""
                INSERT INTO city_aqi_daily (city_code, day, standard, so2_24h, no2_24h, pm10_24h, co_24h, o3_8h,
                    pm2_5_24h, aqi, category, iaqi, completeness, demo)
                VALUES ($1, $2, 'HJ633-2012', 30, 20, 70, 2, 80, $3, $4, 2, '{}', '{}', false)
                ON CONFLICT (city_code, day) DO NOTHING""").execute(Tuple.of(unit, day, pm25, aqi))
                .await().atMost(Duration.ofSeconds(10));
    }

    @Test
    void rankingsOfAMonth() {
        given().queryParam("period", "2014-11").when().get("/api/public/rankings").then().statusCode(200)
                .body("period", equalTo("2014-11")).body("previousPeriod", equalTo("2013-11"))
                .body("rows[0].unit", equalTo("220100")).body("rows[0].compositeRank", equalTo(1))
                .body("rows[0].compositeIndex", equalTo(4.0f))
                .body("rows[1].unit", equalTo("220200")).body("rows[1].compositeIndex", equalTo(5.0f))
                .body("rows[1].goodShare", equalTo(0.5f))
                .body("rows.find { it.unit == '220300' }.compositeRank", nullValue())
                .body("rows.find { it.unit == '220300' }.statistics.pollutants.PM2_5.validDays", equalTo(20))
                .body("rows.find { it.unit == '220300' }.statistics.pollutants.PM2_5.requiredDays", equalTo(27));
        given().queryParam("period", "November").when().get("/api/public/rankings").then().statusCode(400)
                .body("message", containsString("2015-11"));
        given().when().get("/").then().statusCode(200).body(containsString("id=\"ranking-table\""))
                .body(containsString("id=\"ranking-chart\"")).body(containsString("id=\"targets-table\""));
    }

    @Test
    void targetsShowWhatIsMissingAndBaselinesNeedAnOfficial() {
        given().queryParam("year", 2014).when().get("/api/public/targets").then().statusCode(200)
                .body("progress.find { it.target.unit == '220100' && it.target.pollutant == 'PM10' }.status",
                        equalTo("INSUFFICIENT_DATA"))
                .body("progress.find { it.target.unit == '220100' && it.target.pollutant == 'PM10' }.statistic.value",
                        equalTo(70.0f))
                .body("progress.find { it.target.unit == '220100' && it.target.pollutant == 'PM10' }.statistic"
                        + ".validDays", equalTo(30))
                .body("progress.target.unit", hasItem("province"));
        String body = "{\"unit\": \"220100\", \"pollutant\": \"PM10\", \"year\": 2012, \"value\": 120.5, "
                + "\"source\": \"长春市2012年环境状况公报 (test)\"}";
        given().contentType(ContentType.JSON).body(body).when().put("/api/targets/baselines").then().statusCode(401);
        given().auth().preemptive().basic("duty", "duty-demo").contentType(ContentType.JSON).body(body).when()
                .put("/api/targets/baselines").then().statusCode(403);
        given().auth().preemptive().basic("commander", "commander-demo").contentType(ContentType.JSON)
                .body(body.replace("\"PM10\"", "\"SO2\"")).when().put("/api/targets/baselines").then().statusCode(400);
        given().auth().preemptive().basic("commander", "commander-demo").contentType(ContentType.JSON)
                .body(body.replace("120.5", "-1")).when().put("/api/targets/baselines").then().statusCode(400);
        given().auth().preemptive().basic("commander", "commander-demo").contentType(ContentType.JSON).body(body)
                .when().put("/api/targets/baselines").then().statusCode(200).body("value", equalTo(120.5f));
        given().auth().preemptive().basic("commander", "commander-demo").when().get("/api/audit").then()
                .statusCode(200).body("action", hasItem("target.baseline"));
        given().queryParam("year", "soon").when().get("/api/public/targets").then().statusCode(400);
    }
}
