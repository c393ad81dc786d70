package io.airwarn.forecast;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Forecast runs, stored forecasts, weather forecasts, verification and refits on real PostgreSQL. */
@QuarkusTest
class ForecastApiTest {

    /** Songyuan gets two years of real US Embassy data (2013-2014) as its only station. */
    static final String CITY = "220700";
    private static boolean imported;

    @Inject
    Pool pool;

    @Inject
    ForecastService forecasts;

    private long count(String sql) {
        return pool.query(sql).execute().await().atMost(java.time.Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    @BeforeEach
    void importTwoYears() throws IOException {
        if (imported) {
            return;
        }
        imported = true;
        asDuty().contentType("text/csv").body(Files.readAllBytes(ForecastFixtures.EMBASSY_2013_2014))
                .queryParam("city", CITY).queryParam("station", "US Embassy replay")
                .when().post("/api/observations/csv").then().statusCode(200).body("rowsStored", equalTo(17520));
    }

    private static JsonPath run(String city, String issuedAt) {
        return asDuty().queryParam("city", city).queryParam("issuedAt", issuedAt)
                .when().post("/api/forecast/run").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aRunAtSevenForecastsTheNextSevenDaysFromTheHoursBeforeSeven() {
        assertEquals("created", run(CITY, "2014-03-01T07:00+08:00").getString("[0].status"));
        JsonPath f = given().when().get("/api/cities/" + CITY + "/forecast/history?from=2014-03-01&to=2014-03-01")
                .then().statusCode(200).body("size()", equalTo(1)).extract().jsonPath();
        assertEquals("2014-03-01", f.getString("[0].dataThrough"));
        assertEquals("2014-03-01T07:00+08:00", f.getString("[0].dataUntil"), "the model's 7:00 fit, verified for it");
        assertEquals("2014-03-01T07:00+08:00", f.getString("[0].issuedAt"));
        assertEquals("default", f.getString("[0].model.id"));
        assertEquals("replay", f.getString("[0].trigger"));
        assertEquals(7, f.getList("[0].days").size());
        for (int i = 0; i < 7; i++) {
            String day = "[0].days[" + i + "].";
            assertEquals(i + 1, f.getInt(day + "lead"));
            assertEquals(LocalDate.of(2014, 3, 2).plusDays(i).toString(), f.getString(day + "date"));
            double p200 = f.getDouble(day + "pAbove200");
            double p300 = f.getDouble(day + "pAbove300");
            double p500 = f.getDouble(day + "pAtLeast500");
            assertTrue(0 < p500 && p500 <= p300 && p300 <= p200 && p200 < 1, "ordered probabilities on " + day);
            assertTrue(f.getInt(day + "interval.low") <= f.getInt(day + "aqi")
                    && f.getInt(day + "aqi") <= f.getInt(day + "interval.high"), "aqi inside its 80 % interval");
            assertEquals("none", f.getString(day + "meteorology"), "no weather forecast was posted");
            // The embassy file has PM2.5 alone, so the AQI is its sub-index.
            ForecastDays.assertTheAqiCombinesItsPollutants(f, day, i + 1, List.of("PM2_5"));
        }
    }

    @Test
    void beforeTheFirstIssueHourOrWithoutTodaysHoursARunStartsFromYesterday() {
        run(CITY, "2014-03-05T03:00+08:00");
        JsonPath f = given().when().get("/api/cities/" + CITY + "/forecast/history?from=2014-03-05&to=2014-03-05")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("2014-03-04", f.getString("[0].dataThrough"));
        assertEquals("2014-03-05T00:00+08:00", f.getString("[0].dataUntil"));
        assertEquals("2014-03-05", f.getString("[0].days[0].date"));
        // The data end on 2014-12-31: a run at 15:00 on 2015-01-01 has no hours of its day and uses 12-31 whole.
        run(CITY, "2015-01-01T15:00+08:00");
        JsonPath g = given().when().get("/api/cities/" + CITY + "/forecast/history?from=2015-01-01&to=2015-01-01")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("2015-01-01T00:00+08:00", g.getString("[0].dataUntil"));
    }

    @Test
    void aRunIsStoredOncePerCityAndIssueTimeEvenWhenStartedTwiceAtOnce() {
        String issued = "2014-04-10T07:00+08:00";
        List<CompletableFuture<JsonPath>> requests = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            requests.add(CompletableFuture.supplyAsync(() -> run(CITY, issued)));
        }
        List<String> statuses = requests.stream().map(r -> r.join().getString("[0].status")).toList();
        assertEquals(1, statuses.stream().filter("created"::equals).count(), statuses.toString());
        assertEquals(3, statuses.stream().filter("exists"::equals).count(), statuses.toString());
        given().when().get("/api/cities/" + CITY + "/forecast/history?from=2014-04-10&to=2014-04-10")
                .then().statusCode(200).body("size()", equalTo(1));
    }

    @Test
    void aPostedWeatherForecastIsUsedForItsDays() {
        asDuty().contentType(ContentType.JSON).body("""
                [{"date": "2014-05-03", "temperature": 18.5, "temperatureMin": 11, "temperatureMax": 25, "dewPoint": 5,
                  "pressure": 1012, "windSpeed": 3.2, "windDirection": "NW", "precipitation": 0},
                 {"date": "2014-05-04", "temperature": 20, "humidity": 40, "pressure": 1008, "windSpeed": 1.5,
                  "windDirection": "S", "precipitation": 2.5}]""")
                .when().post("/api/cities/" + CITY + "/met-forecast").then().statusCode(200).body("days", equalTo(2));
        run(CITY, "2014-05-03T07:00+08:00");
        JsonPath f = given().when().get("/api/cities/" + CITY + "/forecast/history?from=2014-05-03&to=2014-05-03")
                .then().statusCode(200).extract().jsonPath();
        // From 7:00 on 05-03 the leads are 05-04..05-10; 05-03's forecast is the day before lead 1, not a lead.
        assertEquals(List.of("forecast", "none", "none", "none", "none", "none", "none"),
                f.getList("[0].days.meteorology"));
    }

    @Test
    void weatherForecastsAreAlsoTakenAsCsvAndBadOnesAreRefusedWhole() {
        asDuty().contentType("text/csv").body("date,temperature,dewPoint,pressure,windSpeed,windDirection,precipitation\n"
                        + "2014-06-01,25,15,1005,2,SE,0\n2014-06-02,27,NA,1003,1,calm,\n")
                .when().post("/api/cities/" + CITY + "/met-forecast").then().statusCode(200).body("days", equalTo(2));
        asDuty().contentType(ContentType.JSON).body("[{\"date\": \"2014-06-03\", \"windSpeed\": -1}]")
                .when().post("/api/cities/" + CITY + "/met-forecast").then().statusCode(400)
                .body("message", containsString("item 0"));
        asDuty().contentType(ContentType.JSON).body("[{\"date\": \"2014-06-03\", \"windDirection\": \"up\"}]")
                .when().post("/api/cities/" + CITY + "/met-forecast").then().statusCode(400)
                .body("message", containsString("compass point"));
        asDuty().contentType(ContentType.JSON).body("[{\"day\": \"2014-06-03\"}]")
                .when().post("/api/cities/" + CITY + "/met-forecast").then().statusCode(400)
                .body("message", containsString("unknown field day"));
    }

    @Test
    void weatherOutsidePhysicalRangesIsRefusedWithARowReport() {
        long before = count("SELECT count(*) FROM met_forecast");
        asDuty().contentType(ContentType.JSON).body("""
                [{"date": "2014-07-01", "temperature": 20, "dewPoint": 10, "pressure": 1010, "windSpeed": 1e29},
                 {"date": "2014-07-02", "temperature": -9e18, "pressure": 102000, "humidity": 101},
                 {"date": "2014-07-03", "temperature": 10, "dewPoint": 15, "precipitation": 501},
                 {"date": "2014-07-04", "temperature": 10, "temperatureMin": 12, "temperatureMax": 8}]""")
                .when().post("/api/cities/" + CITY + "/met-forecast").then().statusCode(400)
                .body("error", equalTo("invalid_met_forecast"))
                .body("details", hasItems(containsString("item 0: windSpeed"), containsString("item 1: temperature"),
                        containsString("item 1: pressure"), containsString("item 1: humidity"),
                        containsString("item 2: dewPoint"), containsString("item 2: precipitation"),
                        containsString("item 3: temperatureMin 12.0 °C is above temperatureMax"),
                        containsString("item 3: temperature 10.0 °C lies outside")));
        assertEquals(before, count("SELECT count(*) FROM met_forecast"), "nothing stored");
    }

    @Test
    void oneCitysFailingForecastNeitherStopsNorSpoilsTheOthers() throws IOException {
        // Gongzhuling gets three days of real Dongsi hours and a weather forecast stored before the ranges were
        // checked, which breaks the model's arithmetic; CITY has its own data and no weather forecast.
        String failing = "220184";
        List<String> dongsi = Files.readAllLines(Path.of("src/test/resources/prsa/PRSA_Data_Dongsi_201303.csv"));
        asDuty().contentType("text/csv").body(String.join("\n", dongsi.subList(0, 1 + 72)) + "\n")
                .queryParam("city", failing).queryParam("station", "Dongsi replay")
                .when().post("/api/observations/csv").then().statusCode(200).body("rowsStored", equalTo(72));
        pool.query("INSERT INTO met_forecast (city_code, day, temperature, pressure, wind_speed) VALUES "
                + "('" + failing + "', '2013-03-04', -9e18, 102000, 1e29)").execute()
                .await().atMost(java.time.Duration.ofSeconds(10));
        // The province's run goes through the cities in turn (only these two here, not the other tests' cities).
        List<ForecastService.Outcome> outcomes = forecasts.runEach(List.of(failing, CITY),
                        java.time.Instant.parse("2013-03-03T23:00:00Z"), "on-demand")
                .await().atMost(java.time.Duration.ofMinutes(1));
        assertEquals("failed", outcomes.get(0).status());
        assertTrue(outcomes.get(0).message().startsWith("the forecast failed"), outcomes.get(0).message());
        assertEquals("created", outcomes.get(1).status(), "the cities after a failing one get their forecasts");
        given().when().get("/api/cities/" + failing + "/forecast").then().statusCode(404);
    }

    @Test
    void verificationScoresTheStoredForecastsAgainstTheObservedDailyAqi() throws IOException {
        String city = "220581";
        asDuty().contentType("text/csv").body(Files.readAllBytes(ForecastFixtures.EMBASSY_2013_2014))
                .queryParam("city", city).queryParam("station", "US Embassy replay")
                .when().post("/api/observations/csv").then().statusCode(200);
        for (int day = 1; day <= 10; day++) {
            run(city, String.format("2014-11-%02dT07:00+08:00", day));
        }
        // The expected scores, worked out from the public API: each lead-1 forecast against the observed daily AQI.
        JsonPath runs = given().when().get("/api/cities/" + city + "/forecast/history?from=2014-11-01&to=2014-11-10")
                .then().statusCode(200).body("size()", equalTo(10)).extract().jsonPath();
        JsonPath observed = given().queryParam("from", "2014-11-02").queryParam("to", "2014-11-11")
                .when().get("/api/cities/" + city + "/aqi/daily").then().statusCode(200).extract().jsonPath();
        Map<String, Integer> observedByDay = new HashMap<>();
        for (int i = 0; i < observed.getList("$").size(); i++) {
            observedByDay.put(observed.getString("[" + i + "].date"), observed.getInt("[" + i + "].aqi"));
        }
        double sse = 0;
        int n = 0;
        int hits = 0;
        int pointHits = 0;
        int yes = 0;
        for (int i = 0; i < 10; i++) {
            Integer truth = observedByDay.get(runs.getString("[" + i + "].days[0].date"));
            if (truth != null) {
                double forecast = runs.getDouble("[" + i + "].days[0].expectedAqi");
                sse += (forecast - truth) * (forecast - truth);
                n++;
                hits += runs.getBoolean("[" + i + "].days[0].saysAbove200") && truth > 200 ? 1 : 0;
                pointHits += forecast > 200 && truth > 200 ? 1 : 0;
                yes += runs.getBoolean("[" + i + "].days[0].saysAbove200") ? 1 : 0;
            }
        }
        JsonPath v = given().queryParam("city", city).queryParam("lead", 1)
                .when().get("/api/forecast/verification").then().statusCode(200)
                .body("observed", equalTo("city daily AQI")).extract().jsonPath();
        assertEquals(n, v.getInt("n"));
        assertEquals("2014-11-02", v.getString("from"), "the first lead-1 day of a run at 7:00 on 11-01");
        assertEquals(Math.sqrt(sse / n), v.getDouble("rmse"), 0.1, "the view rounds expectedAqi to 0.1");
        assertEquals(hits, v.getInt("above200.hits"), "the model's own decisions");
        assertEquals(yes, v.getInt("above200.hits") + v.getInt("above200.falseAlarms"));
        assertEquals(pointHits, v.getInt("above200Point.hits"), "the expected AQI above 200");
        assertTrue(v.get("above200.brierSkill") != null, "climatology from the 22 months before");
    }

    @Test
    void badRunRequestsAreRefused() {
        asDuty().queryParam("city", "999999").when().post("/api/forecast/run").then().statusCode(404);
        asDuty().queryParam("city", CITY).queryParam("issuedAt", "yesterday").when().post("/api/forecast/run")
                .then().statusCode(400).body("message", containsString("issuedAt"));
        asDuty().queryParam("city", CITY).queryParam("issuedAt", "2099-01-01T07:00+08:00")
                .when().post("/api/forecast/run").then().statusCode(400).body("message", containsString("future"));
        given().queryParam("city", CITY).queryParam("lead", 9).when().get("/api/forecast/verification")
                .then().statusCode(400);
        given().when().get("/api/cities/220184/forecast").then().statusCode(404).body("error", equalTo("no_forecast"));
    }

    @Test
    void aRefitNeedsEnoughStoredData() throws IOException {
        asDuty().contentType("text/csv").body(Files.readAllBytes(java.nio.file.Path.of(
                        "src/test/resources/prsa/PRSA_data_201301_us_embassy.csv")))
                .queryParam("city", "CBS-MAC").queryParam("station", "one month")
                .when().post("/api/observations/csv").then().statusCode(200);
        asDuty().when().post("/api/cities/CBS-MAC/forecast/model").then().statusCode(400)
                .body("error", equalTo("cannot_fit")).body("message", containsString("at least 365"))
                .body("message", containsString("regional model"));
        asDuty().when().post("/api/cities/CBS-MAC/forecast/model?heatingSeason=winter").then().statusCode(400)
                .body("message", containsString("heating season"));
    }

    @Test
    void unitsWithoutAModelOfTheirOwnAreForecastByTheRegionalModel() throws IOException {
        // A second unit with two years, and one with a single month: too little for a model of its own.
        asDuty().contentType("text/csv").body(Files.readAllBytes(ForecastFixtures.EMBASSY_2013_2014))
                .queryParam("city", "220581").queryParam("station", "US Embassy replay")
                .when().post("/api/observations/csv").then().statusCode(200);
        asDuty().contentType("text/csv").body(Files.readAllBytes(java.nio.file.Path.of(
                        "src/test/resources/prsa/PRSA_data_201301_us_embassy.csv")))
                .queryParam("city", "CBS-MAC").queryParam("station", "one month")
                .when().post("/api/observations/csv").then().statusCode(200);
        given().auth().preemptive().basic("viewer", "viewer-demo").when().post("/api/forecast/models/regional")
                .then().statusCode(403);
        java.nio.file.Path file = java.nio.file.Path.of("target/test-forecast-models/regional.yaml");
        try {
            asDuty().when().post("/api/forecast/models/regional?heatingSeason=11-15..03-15").then().statusCode(200)
                    .body("models.name", hasItem("regional")).body("problems.size()", equalTo(0));
            ForecastModel regional = ForecastModels.read(file);
            assertEquals("regional", regional.file().scope());
            assertTrue(regional.file().trainingData().units().containsAll(List.of(CITY, "220581", "CBS-MAC")),
                    regional.file().trainingData().units().toString());
            run("CBS-MAC", "2013-01-20T07:00+08:00");
            given().when().get("/api/cities/CBS-MAC/forecast/history?from=2013-01-20&to=2013-01-20").then()
                    .statusCode(200).body("[0].model.id", equalTo("regional"));
        } finally {
            Files.deleteIfExists(file);
            asDuty().when().post("/api/forecast/models/reload").then().statusCode(200);
        }
    }

    @Test
    void aCitysOwnModelIsRefittedFromItsStoredObservations() throws IOException {
        java.nio.file.Path file = java.nio.file.Path.of("target/test-forecast-models/" + CITY + ".yaml");
        try {
            asDuty().when().post("/api/cities/" + CITY + "/forecast/model?heatingSeason=11-15..03-15").then()
                    .statusCode(200).body("models.name", hasItem(CITY)).body("problems.size()", equalTo(0));
            assertTrue(Files.exists(file));
            assertEquals("unit", ForecastModels.read(file).file().scope());
            run(CITY, "2014-12-20T07:00+08:00");
            given().when().get("/api/cities/" + CITY + "/forecast/history?from=2014-12-20&to=2014-12-20").then()
                    .statusCode(200).body("[0].model.id", equalTo(CITY))
                    .body("[0].model.label", containsString("stored observations of " + CITY));
        } finally {
            Files.deleteIfExists(file);
            asDuty().when().post("/api/forecast/models/reload").then().statusCode(200);
        }
    }

    /** A duty officer: importing observations, running forecasts and reading plans need one. */
    private static io.restassured.specification.RequestSpecification asDuty() {
        return given().auth().preemptive().basic("duty", "duty-demo");
    }
}
