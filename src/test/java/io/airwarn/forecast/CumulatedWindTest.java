package io.airwarn.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The UCI files' cumulated wind (Iws) read back into each hour's own speed. */
class CumulatedWindTest {

    private static final LocalDateTime H0 = LocalDateTime.of(2014, 1, 1, 0, 0);

    @Test
    void increasesAreTheHoursSpeedsAndADirectionChangeRestartsTheCounter() {
        CumulatedWind wind = new CumulatedWind();
        assertNull(wind.hourly(H0, 1.79, "NW"), "the first hour has no hour before it");
        assertEquals(4.02, wind.hourly(H0.plusHours(1), 5.81, "NW"), 1e-9);
        assertEquals(4.02, wind.hourly(H0.plusHours(2), 9.83, "NW"), 1e-9);
        assertEquals(0.89, wind.hourly(H0.plusHours(3), 0.89, "SE"), 1e-9, "a new direction starts again");
        assertEquals(0.0, wind.hourly(H0.plusHours(4), 0.89, "SE"), 1e-9);
        assertNull(wind.hourly(H0.plusHours(6), 3.0, "SE"), "after a missing hour the increase spans two hours");
        assertNull(wind.hourly(H0.plusHours(7), null, "SE"));
        assertNull(wind.hourly(H0.plusHours(8), 4.0, "SE"), "nor after a missing value");
    }

    @Test
    void dailyWindFromTheShippedEmbassyFileIsABreezeNotAGale() {
        List<DailyRecord> days = HourlyFileReader.read(List.of(ForecastFixtures.EMBASSY_2013_2014), "prsa", List.of())
                .days();
        double max = days.stream().filter(d -> d.met() != null && d.met().windSpeed() != null)
                .mapToDouble(d -> d.met().windSpeed()).max().orElseThrow();
        double mean = days.stream().filter(d -> d.met() != null && d.met().windSpeed() != null)
                .mapToDouble(d -> d.met().windSpeed()).average().orElseThrow();
        // Beijing's daily mean wind is a few m/s; the cumulated counter itself averages tens and peaks in hundreds.
        assertTrue(mean > 1 && mean < 6, "mean daily wind " + mean);
        assertTrue(max < 25, "strongest daily mean wind " + max);
    }
}
