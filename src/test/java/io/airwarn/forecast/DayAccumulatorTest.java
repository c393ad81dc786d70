package io.airwarn.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DayAccumulatorTest {

    private static double[] rising() {
        double[] hours = new double[DailyRecord.HOURS];
        for (int h = 0; h < hours.length; h++) {
            hours[h] = h;
        }
        return hours;
    }

    @Test
    void ozonesDailyValueIsItsHighestEightHourMean() {
        // Hours 0..23 hold 0..23: the last 8-hour mean (16..23) is the highest, 19.5; the 24-hour mean would be 11.5.
        assertEquals(19.5, DayAccumulator.daily(ForecastPollutant.O3_8H, rising()), 1e-12);
        assertEquals(11.5, DayAccumulator.daily(ForecastPollutant.PM10, rising()), 1e-12);
    }

    @Test
    void aDayNeedsFourteenValidEightHourMeansOfOzoneAndTwentyHoursOfParticles() {
        double[] hours = rising();
        // Hours 0..3 missing: the means ending at 8 and 9 have 4 and 5 valid hours, the other 15 are valid.
        Arrays.fill(hours, 0, 4, Double.NaN);
        assertEquals(19.5, DayAccumulator.daily(ForecastPollutant.O3_8H, hours), 1e-12);
        assertEquals(13.5, DayAccumulator.daily(ForecastPollutant.PM2_5, hours), 1e-12, "20 valid hours");
        // Hours 0..5 missing as well: only 13 valid 8-hour means and 18 hours.
        Arrays.fill(hours, 0, 6, Double.NaN);
        assertNull(DayAccumulator.daily(ForecastPollutant.O3_8H, hours));
        assertNull(DayAccumulator.daily(ForecastPollutant.PM2_5, hours));
    }
}
