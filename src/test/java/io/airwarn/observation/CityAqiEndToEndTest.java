package io.airwarn.observation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.airwarn.forecast.ForecastDays;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Imports one real station-month (Dongsi, March 2013, UCI Beijing Multi-Site data) as the only station of
 * Changchun and checks daily and hourly AQI against values worked out by hand from the raw rows.
 * With one station, the city mean is the station value. The data-quality rules are off here: the hand-worked
 * values use every raw row (the UCI data hold O3 runs the stuck-value rule rightly flags; see QualityRulesTest).
 */
@QuarkusTest
@TestProfile(CityAqiEndToEndTest.EveryRawValue.class)
class CityAqiEndToEndTest {

    public static class EveryRawValue implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Its own model folder: models fitted by other test classes do not serve this city.
            return Map.of("airwarn.quality-rules", "false", "airwarn.forecast.models-dir",
                    "target/test-forecast-models-end-to-end");
        }
    }

    private static final String CITY = "220100";

    private static boolean imported;

    /** Once per class; RestAssured knows the test port only from the first test on. */
    @BeforeEach
    void importDongsiMarch2013() throws IOException {
        if (imported) {
            return;
        }
        imported = true;
        asDuty().contentType("text/csv").body(PrsaCsvReaderTest.resource("PRSA_Data_Dongsi_201303.csv"))
                .queryParam("city", CITY).queryParam("station", "Dongsi")
                .queryParam("source", "UCI Beijing Multi-Site Air-Quality Data, Dongsi")
                .when().post("/api/observations/csv")
                .then().statusCode(200)
                .body("format", equalTo("PRSA_MULTISITE"))
                .body("rowsRead", equalTo(744))
                .body("rowsStored", equalTo(744))
                .body("rowsSkipped", equalTo(0))
                .body("cityAqi[0].cityCode", equalTo(CITY))
                .body("cityAqi[0].days", equalTo(31));
    }

    private static ValidatableResponse day(String date) {
        return given().queryParam("from", date).queryParam("to", date)
                .when().get("/api/cities/" + CITY + "/aqi/daily")
                .then().statusCode(200).body("size()", equalTo(1)).body("[0].date", equalTo(date));
    }

    @Test
    void severeDay() {
        // 2013-03-07 PM2.5, hours 0-23: 251 245 253 250 242 242 242 261 292 300 289 260 288 312 295 308 243 214 206
        // 193 184 258 438 520 -> 24 valid hours, sum 6586, mean 274.42 -> reported 274 μg/m³.
        // IAQI = 300 + (400-300)/(350-250) x (274-250) = 324. Every other item is lower (PM10 mean 306.625 -> 307
        // -> 150 + 50/100 x 57 = 178.5 -> 179), so AQI 324, category 6 (严重污染), primary PM2.5.
        day("2013-03-07")
                .body("[0].aqi", equalTo(324))
                .body("[0].category.level", equalTo(6))
                .body("[0].category.zh", equalTo("严重污染"))
                .body("[0].primaryPollutants", contains("PM2_5_24H"))
                .body("[0].concentrations.PM2_5_24H", equalTo(274.0f))
                .body("[0].concentrations.PM10_24H", equalTo(307.0f))
                .body("[0].iaqi.PM10_24H", equalTo(179))
                .body("[0].completeness.PM2_5_24H.valid", equalTo(24))
                .body("[0].completeness.PM2_5_24H.required", equalTo(20))
                .body("[0].demo", equalTo(false))
                .body("[0].standard", equalTo("HJ633-2012"));
    }

    @Test
    void cleanDayHasNoPrimaryPollutant() {
        // 2013-03-01: the highest sub-index is O3 8 h. O3 hours 0-23: 89 88 60 NA 84 78 67 52 54 69 82 83 86 91 92
        // 92 91 87 79 63 64 48 36 39; the 8 h mean ending at 17:00 (hours 10-17) = (82+83+86+91+92+92+91+87)/8
        // = 704/8 = 88 -> IAQI 50/100 x 88 = 44. AQI 44 <= 50: no primary pollutant.
        day("2013-03-01")
                .body("[0].aqi", equalTo(44))
                .body("[0].category.level", equalTo(1))
                .body("[0].primaryPollutants", empty())
                .body("[0].concentrations.O3_8H", equalTo(88.0f))
                .body("[0].completeness.O3_1H.valid", equalTo(23));
    }

    @Test
    void pm10CanBePrimary() {
        // 2013-03-09 PM10: 69 77 93 98 99 108 112 135 140 158 365 556 NA 587 602 495 276 187 143 94 136 66 35 12
        // -> 23 valid hours, sum 4643, mean 201.87 -> 202. IAQI = 100 + (150-100)/(250-150) x (202-150) = 126.
        // PM2.5 mean 59 -> IAQI 80. AQI 126, primary PM10.
        day("2013-03-09")
                .body("[0].aqi", equalTo(126))
                .body("[0].primaryPollutants", contains("PM10_24H"))
                .body("[0].exceedingPollutants", contains("PM10_24H"))
                .body("[0].completeness.PM10_24H.valid", equalTo(23));
    }

    @Test
    void anItemWithTooFewHoursIsLeftOutAndSaysSo() {
        // 2013-03-17 CO: 1700 2000 2100 then 21 hours NA -> 3 valid hours < 20: no daily CO.
        // PM2.5: 24 valid hours, sum 6942, mean 289.25 -> 289; IAQI 300 + 100/100 x 39 = 339.
        day("2013-03-17")
                .body("[0].aqi", equalTo(339))
                .body("[0].concentrations", not(hasKey("CO_24H")))
                .body("[0].iaqi", not(hasKey("CO_24H")))
                .body("[0].completeness.CO_24H.valid", equalTo(3))
                .body("[0].completeness.CO_24H.required", equalTo(20));
    }

    @Test
    void ozoneEightHourNeedsFourteenValidWindows() {
        // 2013-03-26: O3 has gaps that leave only 11 valid 8 h means within the day (< 14): no daily O3_8H.
        // PM2.5: 23 valid hours, sum 3546, mean 154.17 -> 154; IAQI 200 + 100/100 x 4 = 204 (heavy, level 5).
        day("2013-03-26")
                .body("[0].aqi", equalTo(204))
                .body("[0].category.color", equalTo("#99004C"))
                .body("[0].concentrations", not(hasKey("O3_8H")))
                .body("[0].completeness.O3_8H.valid", equalTo(11))
                .body("[0].completeness.O3_8H.unit", equalTo("8h-windows"));
    }

    @Test
    void hourlyReportUsesOneHourValuesAndTwentyFourHourParticulates() {
        // 2013-03-07 23:00. 1 h: SO2 110 -> 50/150 x 110 = 36.7 -> 37; NO2 249 -> 100 + 50/500 x 49 = 104.9 -> 105;
        // CO 5400 μg = 5.4 mg -> 50 + 50/5 x 0.4 = 54; O3 107 -> 50/160 x 107 = 33.4 -> 34.
        // O3 8 h (hours 16-23): 107 107 107 20 107 107 107 107 -> 769/8 = 96.125 -> 96 -> 48.
        // Under HJ633-2012 the particulates are the trailing 24 h means, i.e. this day's: PM2.5 274 -> 324,
        // PM10 307 -> 179. AQI 324; exceeding NO2_1H, PM10_24H, PM2_5_24H.
        given().queryParam("from", "2013-03-07T23:00").queryParam("to", "2013-03-07T23:00")
                .when().get("/api/cities/" + CITY + "/aqi/hourly")
                .then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].time", equalTo("2013-03-07T23:00+08:00"))
                .body("[0].aqi", equalTo(324))
                .body("[0].iaqi.SO2_1H", equalTo(37))
                .body("[0].iaqi.NO2_1H", equalTo(105))
                .body("[0].iaqi.CO_1H", equalTo(54))
                .body("[0].iaqi.O3_1H", equalTo(34))
                .body("[0].iaqi.O3_8H", equalTo(48))
                .body("[0].iaqi.PM10_24H", equalTo(179))
                .body("[0].iaqi", not(hasKey("SO2_24H")))
                .body("[0].concentrations.PM2_5_1H", equalTo(520.0f))
                .body("[0].exceedingPollutants", containsInAnyOrder("NO2_1H", "PM10_24H", "PM2_5_24H"))
                .body("[0].completeness.NO2_1H.valid", equalTo(1))
                .body("[0].completeness.NO2_1H.unit", equalTo("stations"));
    }

    @Test
    void dailyRangeIsInclusiveAndOrdered() {
        given().queryParam("from", "2013-03-01").queryParam("to", "2013-03-31")
                .when().get("/api/cities/" + CITY + "/aqi/daily")
                .then().statusCode(200).body("size()", equalTo(31))
                .body("[0].date", equalTo("2013-03-01")).body("[30].date", equalTo("2013-03-31"));
    }

    @Test
    void withoutARangeTheLatestDataIsReturned() {
        given().when().get("/api/cities/" + CITY + "/aqi/daily")
                .then().statusCode(200).body("size()", equalTo(31)).body("[30].date", equalTo("2013-03-31"));
        given().when().get("/api/cities/" + CITY + "/aqi/hourly")
                .then().statusCode(200).body("size()", equalTo(48))
                .body("[47].time", equalTo("2013-03-31T23:00+08:00"));
    }

    @Test
    void badQueriesAreRefused() {
        given().queryParam("from", "2013-03-32").when().get("/api/cities/" + CITY + "/aqi/daily")
                .then().statusCode(400).body("message", org.hamcrest.Matchers.containsString("from"));
        given().queryParam("from", "2013-03-10").queryParam("to", "2013-03-01")
                .when().get("/api/cities/" + CITY + "/aqi/daily").then().statusCode(400)
                .body("error", equalTo("invalid_range"));
        given().when().get("/api/cities/999999/aqi/daily").then().statusCode(404)
                .body("error", equalTo("unknown_city"));
    }

    @Test
    void theStationMonthIsForecastAsTheFullAqiOfItsThreePollutants() {
        // The stored hourly PM2.5, PM10 and O3 are what the forecast starts from: the default model forecasts each.
        asDuty().queryParam("city", CITY).queryParam("issuedAt", "2013-03-25T15:00+08:00")
                .when().post("/api/forecast/run").then().statusCode(200).body("[0].status", equalTo("created"));
        JsonPath f = given().when().get("/api/cities/" + CITY + "/forecast/history?from=2013-03-25&to=2013-03-25")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("2013-03-25T15:00+08:00", f.getString("[0].dataUntil"));
        for (int i = 0; i < 7; i++) {
            ForecastDays.assertTheAqiCombinesItsPollutants(f, "[0].days[" + i + "].", i + 1,
                    List.of("PM2_5", "PM10", "O3_8H"));
        }
    }

    /** A duty officer: importing observations, running forecasts and reading plans need one. */
    private static io.restassured.specification.RequestSpecification asDuty() {
        return given().auth().preemptive().basic("duty", "duty-demo");
    }
}
