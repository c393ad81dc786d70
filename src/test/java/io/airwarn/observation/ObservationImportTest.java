package io.airwarn.observation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Import behaviour through the HTTP API; each test uses its own city so tests stay independent. */
@QuarkusTest
class ObservationImportTest {

    @Inject
    Pool pool;

    private long count(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }

    private long observationsOfCity(String city) {
        return count("SELECT count(*) FROM observation o JOIN station s ON s.id = o.station_id WHERE s.city_code = $1",
                city);
    }

    private static io.restassured.response.ValidatableResponse postJson(String body) {
        return asDuty().contentType(ContentType.JSON).body(body).when().post("/api/observations").then();
    }

    @Test
    void cityHourIsTheMeanOfTheStationsThatReported() {
        postJson("""
                [{"city": "220200", "station": "A", "time": "2016-01-05T08:00", "pm25": 100, "no2": 60},
                 {"city": "220200", "station": "B", "time": "2016-01-05T08:00", "pm25": 121, "no2": null},
                 {"city": "220200", "station": "C", "time": "2016-01-05T00:00Z", "pm25": 50}]""")
                .statusCode(200).body("rowsRead", equalTo(3)).body("rowsStored", equalTo(3))
                .body("rowsSkipped", equalTo(0));
        // 2016-01-05T00:00Z is 08:00 in Beijing: three stations. PM2.5 (100+121+50)/3 = 90.33 -> 90; NO2 only A.
        given().queryParam("from", "2016-01-05T08:00").queryParam("to", "2016-01-05T08:00")
                .when().get("/api/cities/220200/aqi/hourly").then().statusCode(200)
                .body("[0].concentrations.PM2_5_1H", equalTo(90.0f))
                .body("[0].concentrations.NO2_1H", equalTo(60.0f))
                .body("[0].completeness.NO2_1H.valid", equalTo(1))
                .body("[0].iaqi.NO2_1H", equalTo(30));
    }

    @Test
    void reimportReplacesInsteadOfDuplicating() {
        String hour = "{\"city\": \"220300\", \"station\": \"S\", \"time\": \"2016-02-01T10:00\", \"pm25\": %d}";
        postJson("[" + hour.formatted(100) + "]").statusCode(200);
        postJson("[" + hour.formatted(40) + "]").statusCode(200);
        assertEquals(1, observationsOfCity("220300"));
        given().queryParam("from", "2016-02-01T10:00").queryParam("to", "2016-02-01T10:00")
                .when().get("/api/cities/220300/aqi/hourly").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].concentrations.PM2_5_1H", equalTo(40.0f));
    }

    @Test
    void reimportingAFileReplacesItsStationHours() throws IOException {
        byte[] file = PrsaCsvReaderTest.resource("PRSA_data_201301_us_embassy.csv");
        for (int i = 0; i < 2; i++) {
            asDuty().contentType("text/csv").body(file).queryParam("city", "220500").queryParam("station", "Embassy")
                    .when().post("/api/observations/csv").then().statusCode(200)
                    .body("format", equalTo("PRSA_SINGLE_STATION")).body("rowsStored", equalTo(744));
        }
        assertEquals(744, observationsOfCity("220500"));
        assertEquals(31, count("SELECT count(*) FROM city_aqi_daily WHERE city_code = '220500'"));
    }

    @Test
    void singleStationFileGivesPmOnlyAqi() throws IOException {
        asDuty().contentType("text/csv").body(PrsaCsvReaderTest.resource("PRSA_data_201301_us_embassy.csv"))
                .queryParam("city", "220600").queryParam("station", "US Embassy")
                .when().post("/api/observations/csv").then().statusCode(200);
        // 2013-01-12, the worst day of the set: 24 valid hours, mean 552.5 > 500 -> IAQI 500 (top of the table).
        given().queryParam("from", "2013-01-12").queryParam("to", "2013-01-12")
                .when().get("/api/cities/220600/aqi/daily").then().statusCode(200)
                .body("[0].aqi", equalTo(500))
                .body("[0].concentrations.PM2_5_24H", equalTo(552.0f))
                .body("[0].concentrations.size()", equalTo(1));
    }

    @Test
    void aBrokenFileIsRejectedWholeAndStoresNothing() {
        String header = "No,year,month,day,hour,pm2.5,DEWP,TEMP,PRES,cbwd,Iws,Is,Ir\r\n";
        String good = "1,2014,1,1,0,100,-21,-11,1021,NW,1.79,0,0\r\n";
        asDuty().contentType("text/csv").body(header + good + "2,2014,1,1,1,100\r\n")
                .queryParam("city", "220400").queryParam("station", "X")
                .when().post("/api/observations/csv").then().statusCode(400)
                .body("error", equalTo("invalid_file")).body("message", containsString("Line 3"));
        asDuty().contentType("text/csv").body("year,month,day,hour,pm2.5\r\n2014,1,1,0,100\r\n")
                .queryParam("city", "220400").queryParam("station", "X")
                .when().post("/api/observations/csv").then().statusCode(400)
                .body("message", containsString("not a UCI PRSA header"));
        assertEquals(0, observationsOfCity("220400"));
        assertEquals(0, count("SELECT count(*) FROM station WHERE city_code = '220400'"));
    }

    @Test
    void impossibleRowsAreSkippedWithTheirLineNumbers() {
        String header = "No,year,month,day,hour,pm2.5,DEWP,TEMP,PRES,cbwd,Iws,Is,Ir\r\n";
        asDuty().contentType("text/csv")
                .body(header + "1,2014,2,1,0,100,-21,-11,1021,NW,1.79,0,0\r\n"
                        + "2,2014,2,1,24,100,-21,-11,1021,NW,1.79,0,0\r\n"
                        + "3,2014,2,1,2,-5,-21,-11,1021,NW,1.79,0,0\r\n"
                        + "4,2014,2,1,3,NA,-21,-11,1021,NW,1.79,0,0\r\n")
                .queryParam("city", "220800").queryParam("station", "Y")
                .when().post("/api/observations/csv").then().statusCode(200)
                .body("rowsRead", equalTo(4)).body("rowsStored", equalTo(2)).body("rowsSkipped", equalTo(2))
                .body("skipped[0].line", equalTo(3)).body("skipped[0].reason", containsString("hour 24"))
                .body("skipped[1].line", equalTo(4)).body("skipped[1].reason", containsString("PM2.5"));
        assertEquals(2, observationsOfCity("220800"));
    }

    @Test
    void jsonItemsWithBadValuesAreSkippedByIndex() {
        postJson("""
                [{"city": "222400", "station": "Z", "time": "2016-03-01T01:00", "pm25": 10},
                 {"city": "222400", "station": "Z", "time": "2016-03-01T02:00", "pm25": "ten"},
                 {"city": "999999", "station": "Z", "time": "2016-03-01T03:00", "pm25": 10},
                 {"city": "222400", "station": "Z", "time": "yesterday", "pm25": 10},
                 {"city": "222400", "station": "Z", "time": "2016-03-01T05:00", "pm2.5": 10},
                 {"city": "222400", "station": "Z", "time": "2016-03-01T06:00", "o3": -1}]""")
                .statusCode(200).body("rowsRead", equalTo(6)).body("rowsStored", equalTo(1))
                .body("skipped.index", org.hamcrest.Matchers.contains(1, 2, 3, 4, 5))
                .body("skipped[0].reason", containsString("pm25 must be a number"))
                .body("skipped[1].reason", containsString("999999"))
                .body("skipped[2].reason", containsString("ISO-8601"))
                .body("skipped[3].reason", containsString("unknown field pm2.5"))
                .body("skipped[4].reason", containsString("O3"));
        assertEquals(1, observationsOfCity("222400"));
    }

    @Test
    void aBodyThatIsNotAnArrayIsRefused() {
        postJson("{\"city\": \"222400\"}").statusCode(400).body("error", equalTo("invalid_observations"));
        postJson("[1, 2]").statusCode(400).body("message", containsString("Item 0"));
        postJson("[{").statusCode(400).body("error", equalTo("invalid_json"));
    }

    @Test
    void csvNeedsAKnownCityAndAStation() {
        asDuty().contentType("text/csv").body("x").queryParam("station", "S")
                .when().post("/api/observations/csv").then().statusCode(400).body("message", containsString("city"));
        asDuty().contentType("text/csv").body("x").queryParam("city", "123").queryParam("station", "S")
                .when().post("/api/observations/csv").then().statusCode(400).body("error", equalTo("unknown_city"));
        asDuty().contentType("text/csv").body("x").queryParam("city", "220100")
                .when().post("/api/observations/csv").then().statusCode(400).body("message", containsString("station"));
    }

    /** A duty officer: importing observations, running forecasts and reading plans need one. */
    private static io.restassured.specification.RequestSpecification asDuty() {
        return given().auth().preemptive().basic("duty", "duty-demo");
    }
}
