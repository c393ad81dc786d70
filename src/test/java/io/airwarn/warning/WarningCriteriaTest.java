package io.airwarn.warning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.airwarn.core.WarningLevel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped criteria sets on hand-made forecast series. */
class WarningCriteriaTest {

    static final CriteriaConfig CONFIG = read();
    static final CriteriaSet MEE_2019 = CONFIG.set("mee-2019").orElseThrow();
    static final CriteriaSet MEE_2017 = CONFIG.set("mee-2017").orElseThrow();
    static final LocalDate FIRST = LocalDate.of(2026, 12, 2);

    private static CriteriaConfig read() {
        try (InputStream in = Files.newInputStream(Path.of("config/warning-criteria.yaml"))) {
            return CriteriaConfig.read(in, "warning-criteria.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A series from "210 250 310 ..." starting on FIRST. */
    static List<DayForecast> series(String aqis) {
        List<DayForecast> days = new ArrayList<>();
        String[] values = aqis.trim().split("\\s+");
        for (int i = 0; i < values.length; i++) {
            days.add(DayForecast.of(FIRST.plusDays(i), Integer.parseInt(values[i])));
        }
        return days;
    }

    @ParameterizedTest(name = "mee-2019 {0} -> {1} from day {2} for {3} days")
    @CsvSource({
        // series, level, onset index (-1 none), run length
        "'150 180 200 200 190 120 100', NONE, -1, 0",
        "'201 150 150 150 150 150 150', NONE, -1, 0",
        "'201 201 150 150 150 150 150', YELLOW, 0, 2",
        "'150 201 300 150 150 150 150', YELLOW, 1, 2",
        "'150 201 201 201 150 150 150', ORANGE, 1, 3",
        "'220 250 280 290 150 150 150', ORANGE, 0, 4",
        "'220 301 280 290 150 150 150', ORANGE, 0, 4",
        "'220 301 301 290 150 150 150', RED, 0, 4",
        "'301 301 301 150 150 150 150', ORANGE, 0, 3",
        "'150 150 150 150 150 150 500', RED, 6, 1",
        "'150 150 150 150 150 150 499', NONE, -1, 0",
        // runs split by one clean day: two short runs do not add up
        "'250 250 200 250 250 150 150', YELLOW, 0, 2",
        "'250 250 250 200 301 301 301', ORANGE, 0, 3",
        "'250 250 150 301 301 301 301', RED, 3, 4",
    })
    void meeTwentyNineteen(String aqis, WarningLevel level, int onset, int days) {
        CriteriaResult r = WarningCriteria.evaluate(MEE_2019, series(aqis), null);
        assertEquals(level, r.level(), r.reason());
        assertEquals(onset < 0 ? null : FIRST.plusDays(onset), r.onset());
        assertEquals(days, r.days());
    }

    @ParameterizedTest(name = "mee-2017 {0} -> {1}")
    @CsvSource({
        "'201 150 150 150', BLUE, 0, 1",
        "'200 150 150 150', NONE, -1, 0",
        "'201 201 150 150', YELLOW, 0, 2",
        "'201 201 201 150', YELLOW, 0, 3",
        "'201 301 201 150', ORANGE, 0, 3",
        "'201 301 201 301', RED, 0, 4",
        "'150 500 150 150', RED, 1, 1",
    })
    void meeTwentySeventeen(String aqis, WarningLevel level, int onset, int days) {
        CriteriaResult r = WarningCriteria.evaluate(MEE_2017, series(aqis), null);
        assertEquals(level, r.level(), r.reason());
        assertEquals(onset < 0 ? null : FIRST.plusDays(onset), r.onset());
        assertEquals(days, r.days());
    }

    @Test
    void theOrangeSwitchAddsTheDayAbove300() {
        CriteriaSet strict = MEE_2019.with(null, null, true);
        assertEquals(WarningLevel.YELLOW, WarningCriteria.evaluate(strict, series("250 250 250 150"), null).level());
        assertEquals(WarningLevel.ORANGE, WarningCriteria.evaluate(strict, series("250 310 250 150"), null).level());
    }

    @Test
    void aCityMayTightenTheThreshold() {
        CriteriaSet tighter = MEE_2019.with(150, null, null);
        assertEquals(WarningLevel.YELLOW, WarningCriteria.evaluate(tighter, series("180 190 100"), null).level());
        assertEquals(WarningLevel.NONE, WarningCriteria.evaluate(MEE_2019, series("180 190 100"), null).level());
    }

    @Test
    void probabilisticModeCountsDaysByTheirProbability() {
        // Point forecasts below 200 but P(AQI > 200) of 0.4 and 0.35: at a 0.3 decision probability both count.
        List<DayForecast> days = List.of(DayForecast.of(FIRST, 180, 0.4, 0.05, 0.0),
                DayForecast.of(FIRST.plusDays(1), 190, 0.35, 0.05, 0.0),
                DayForecast.of(FIRST.plusDays(2), 120, 0.1, 0.0, 0.0));
        CriteriaResult at30 = WarningCriteria.evaluate(MEE_2019, days, 0.3);
        assertEquals(WarningLevel.YELLOW, at30.level());
        assertEquals(2, at30.days());
        assertEquals(WarningLevel.NONE, WarningCriteria.evaluate(MEE_2019, days, 0.5).level());
        assertEquals(WarningLevel.NONE, WarningCriteria.evaluate(MEE_2019, days, null).level(), "point forecast");
    }

    @Test
    void withoutAChosenProbabilityTheModelsOwnYesOrNoCounts() {
        // The model calls days 1-3 above 200 and day 2 above 300, although every expected AQI is below 200.
        List<DayForecast> days = List.of(new DayForecast(FIRST, 180, 0.4, 0.1, 0.0, true, false),
                new DayForecast(FIRST.plusDays(1), 190, 0.6, 0.3, 0.0, true, true),
                new DayForecast(FIRST.plusDays(2), 170, 0.31, 0.05, 0.0, true, false),
                new DayForecast(FIRST.plusDays(3), 120, 0.1, 0.0, 0.0, false, false));
        CriteriaResult r = WarningCriteria.evaluate(MEE_2019, days, null);
        assertEquals(WarningLevel.ORANGE, r.level());
        assertEquals(3, r.days());
        assertTrue(r.reason().contains("forecast model calling AQI > 200"), r.reason());
        // A chosen probability overrides the model's; a tightened threshold is not the model's 200: AQI decides.
        assertEquals(WarningLevel.YELLOW, WarningCriteria.evaluate(MEE_2019, days, 0.35).level());
        assertEquals(WarningLevel.ORANGE, WarningCriteria.evaluate(MEE_2019.with(150, null, null), days, null).level());
        assertEquals(WarningLevel.NONE, WarningCriteria.evaluate(MEE_2019.with(195, null, null), days, null).level());
    }

    @Test
    void theHighestRunWinsAndTheEarliestOfEqualRuns() {
        CriteriaResult r = WarningCriteria.evaluate(MEE_2019, series("250 250 100 250 250 250 100"), null);
        assertEquals(WarningLevel.ORANGE, r.level());
        assertEquals(FIRST.plusDays(3), r.onset());
        CriteriaResult tie = WarningCriteria.evaluate(MEE_2019, series("250 250 100 250 250 100"), null);
        assertEquals(FIRST, tie.onset());
        assertNull(WarningCriteria.evaluate(MEE_2019, series("100"), null).onset());
    }
}
