package io.airwarn.forecast;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.airwarn.platform.Eventually;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The scheduled run through Quartz on its clustered JDBC store: with a cron firing every two seconds, a forecast
 * issued at a whole trigger time appears for a city with data, and the trigger lives in the database.
 */
@QuarkusTest
@TestProfile(ScheduledForecastTest.EveryTwoSeconds.class)
class ScheduledForecastTest {

    public static class EveryTwoSeconds implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("airwarn.forecast.cron", "0/2 * * * * ?");
        }
    }

    /** How often the test looks for the run while it waits for the trigger; not a guess at how long it takes. */

    @Inject
    Pool pool;

    @Test
    void theScheduledJobForecastsEveryCityWithData() throws InterruptedException {
        asDuty().contentType(ContentType.JSON).body("""
                [{"city": "220200", "station": "S", "time": "2016-01-01T00:00", "pm25": 80},
                 {"city": "220200", "station": "S", "time": "2016-01-01T01:00", "pm25": 80}]""")
                .when().post("/api/observations").then().statusCode(200);
        // The day has 2 valid hours, too few for a daily mean; a day with 20 is needed as the origin. The values vary
        // as real ones do: a constant one would be flagged as a stuck analyser and left out.
        StringBuilder day = new StringBuilder("[");
        for (int h = 0; h < 24; h++) {
            day.append(h == 0 ? "" : ",").append(String.format(
                    "{\"city\": \"220200\", \"station\": \"S\", \"time\": \"2016-01-02T%02d:00\", \"pm25\": %d}", h,
                    118 + h % 5));
        }
        asDuty().contentType(ContentType.JSON).body(day.append("]").toString())
                .when().post("/api/observations").then().statusCode(200);

        List<Map<String, Object>> runs = Eventually.value("a scheduled run", Duration.ofSeconds(30),
                () -> given().when().get("/api/cities/220200/forecast/history").then().statusCode(200)
                        .extract().jsonPath().<Map<String, Object>>getList("findAll { it.trigger == 'scheduled' }"),
                list -> !list.isEmpty());
        Map<String, Object> run = runs.get(0);
        assertEquals("2016-01-02", run.get("dataThrough"));
        assertTrue(((String) run.get("issuedAt")).matches(".*T\\d\\d:\\d\\d\\+08:00"), "issued on a whole minute");
        long cronTriggers = pool.query("SELECT count(*) FROM qrtz_cron_triggers WHERE trigger_name = 'forecast-run'")
                .execute().await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
        assertEquals(1, cronTriggers, "the trigger is stored in the clustered JDBC store");
    }

    /** A duty officer: importing observations, running forecasts and reading plans need one. */
    private static io.restassured.specification.RequestSpecification asDuty() {
        return given().auth().preemptive().basic("duty", "duty-demo");
    }
}
