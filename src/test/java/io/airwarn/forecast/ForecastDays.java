package io.airwarn.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;

/** Checks on forecast days as the API shows them. */
public final class ForecastDays {

    private ForecastDays() {
    }

    /**
     * A forecast day's AQI is the highest of its pollutants' forecasts: said "above 200" when one of them says so;
     * P(AQI > 200) that of the particles (the higher of PM2.5's and PM10's) or of ozone, independent of them; the
     * primary pollutant the one with the highest expected sub-index.
     */
    public static void assertTheAqiCombinesItsPollutants(JsonPath f, String day, int lead, List<String> expected) {
        double p200 = f.getDouble(day + "pAbove200");
        List<Map<String, Object>> pollutants = f.getList(day + "pollutants");
        assertEquals(expected, pollutants.stream().map(p -> p.get("pollutant")).toList());
        boolean anySays = false;
        double highest = 0;
        double particlesP200 = 0;
        double ozoneP200 = 0;
        String primary = null;
        for (Map<String, Object> p : pollutants) {
            double expectedSubIndex = ((Number) p.get("expectedSubIndex")).doubleValue();
            double p200OfPollutant = ((Number) p.get("pAbove200")).doubleValue();
            Number decision = (Number) p.get("decisionAbove200");
            boolean says = (Boolean) p.get("saysAbove200");
            if (decision != null) {
                assertTrue(decision.doubleValue() > 0 && decision.doubleValue() < 1, "a decision probability");
                assertEquals(p200OfPollutant >= decision.doubleValue(), says, p + " on " + day);
            } else {
                assertTrue(lead > 1 || !p.get("pollutant").equals("PM2_5"), "PM2.5 decides on its probability at lead 1");
                assertEquals(expectedSubIndex > 200, says, "a fit without the skill to decide: its expected value decides");
            }
            anySays |= says;
            if (p.get("pollutant").equals("O3_8H")) {
                ozoneP200 = p200OfPollutant;
            } else {
                particlesP200 = Math.max(particlesP200, p200OfPollutant);
            }
            if (expectedSubIndex > highest) {
                highest = expectedSubIndex;
                primary = (String) p.get("pollutant");
            }
        }
        assertEquals(anySays, f.getBoolean(day + "saysAbove200"), "the day is above when a pollutant says so");
        assertEquals(1 - (1 - particlesP200) * (1 - ozoneP200), p200, 2e-3, "P(AQI > 200): particles or ozone");
        assertEquals(primary, f.getString(day + "primaryPollutant"));
        assertTrue(f.getDouble(day + "expectedAqi") >= highest - 0.1, "the AQI is at least the highest sub-index");
    }
}
