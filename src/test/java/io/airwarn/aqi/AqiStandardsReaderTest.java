package io.airwarn.aqi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AqiStandardsReaderTest {

    private static final String VALID_ITEMS = """
                  SO2_24H:   {breakpoints: [0, 50, 150, 475, 800, 1600, 2100, 2620]}
                  SO2_1H:    {breakpoints: [0, 150, 500, 650, 800], aboveTopUse: SO2_24H}
                  NO2_24H:   {breakpoints: [0, 40, 80, 180, 280, 565, 750, 940]}
                  NO2_1H:    {breakpoints: [0, 100, 200, 700, 1200, 2340, 3090, 3840]}
                  PM10_24H:  {breakpoints: [0, 50, 150, 250, 350, 420, 500, 600]}
                  CO_24H:    {breakpoints: [0, 2, 4, 14, 24, 36, 48, 60]}
                  CO_1H:     {breakpoints: [0, 5, 10, 35, 60, 90, 120, 150]}
                  O3_1H:     {breakpoints: [0, 160, 200, 300, 400, 800, 1000, 1200]}
                  O3_8H:     {breakpoints: [0, 100, 160, 215, 265, 800], aboveTopUse: O3_1H}
            """;

    private static String file(String pm25Line) {
        return """
                standards:
                  - id: TEST
                    title: t
                    source: s
                    hourlyParticulates: HOURLY
                    iaqi: [0, 50, 100, 150, 200, 300, 400, 500]
                    items:
                """ + VALID_ITEMS + pm25Line + "\n";
    }

    private static IllegalArgumentException rejected(String yaml) {
        return assertThrows(IllegalArgumentException.class, () -> AqiStandardsReader.read(
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml"));
    }

    @Test
    void shipsBothVersionsWithHj6332012First() {
        assertEquals("HJ633-2012", Tables.SHIPPED.keySet().iterator().next());
        assertTrue(Tables.SHIPPED.containsKey("HJ633-2026"));
    }

    @Test
    void rejectsBreakpointsThatDoNotIncrease() {
        var e = rejected(file("      PM2_5_24H: {breakpoints: [0, 35, 75, 70, 150, 250, 350, 500]}"));
        assertTrue(e.getMessage().contains("test.yaml") && e.getMessage().contains("PM2_5_24H"), e.getMessage());
    }

    @Test
    void rejectsAMissingItem() {
        var e = rejected(file(""));
        assertTrue(e.getMessage().contains("PM2_5_24H is missing"), e.getMessage());
    }

    @Test
    void rejectsATruncatedColumnWithoutFallback() {
        var e = rejected(file("      PM2_5_24H: {breakpoints: [0, 35, 75]}"));
        assertTrue(e.getMessage().contains("aboveTopUse"), e.getMessage());
    }

    @Test
    void rejectsAMisspeltKey() {
        var e = rejected(file("      PM2_5_24H: {breakpoint: [0, 35, 75, 115, 150, 250, 350, 500]}"));
        assertTrue(e.getMessage().startsWith("test.yaml"), e.getMessage());
    }
}
