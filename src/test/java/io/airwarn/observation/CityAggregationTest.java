package io.airwarn.observation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.airwarn.aqi.AqiItem;
import io.airwarn.aqi.BreakpointTable;
import io.airwarn.aqi.Pollutant;
import io.airwarn.aqi.TablesAccess;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class CityAggregationTest {

    private static final BreakpointTable HJ2012 = TablesAccess.hj6332012();
    private static final LocalDate DAY = LocalDate.of(2016, 1, 10);
    private static final LocalDateTime START = DAY.minusDays(1).atStartOfDay();

    private static HourlySeries series() {
        return new HourlySeries(START, DAY.plusDays(2).atStartOfDay());
    }

    /** Puts {@code value} for {@code pollutant} in the first {@code hours} hours of DAY. */
    private static void fill(HourlySeries s, Pollutant pollutant, int hours, double value) {
        for (int h = 0; h < hours; h++) {
            s.put(DAY.atTime(h, 0), pollutant, value, 1);
        }
    }

    private static CityAqiReport daily(HourlySeries s) {
        List<CityAqiReport> reports = CityAggregation.daily(HJ2012, s, DAY, DAY);
        assertEquals(1, reports.size());
        return reports.get(0);
    }

    private static CityAqiReport hourly(BreakpointTable table, HourlySeries s, LocalDateTime hour) {
        List<CityAqiReport> reports = CityAggregation.hourly(table, s, hour, hour.plusHours(1));
        assertEquals(1, reports.size());
        return reports.get(0);
    }

    @Test
    void aDailyMeanNeedsTwentyValidHours() {
        HourlySeries s = series();
        fill(s, Pollutant.PM2_5, 19, 80);
        CityAqiReport nineteen = daily(s);
        assertNull(nineteen.concentrations().get(AqiItem.PM2_5_24H));
        assertNull(nineteen.result());
        assertEquals(new Completeness(19, 20, Completeness.HOURS), nineteen.completeness().get(AqiItem.PM2_5_24H));

        fill(s, Pollutant.PM2_5, 20, 80);
        CityAqiReport twenty = daily(s);
        assertEquals(new BigDecimal("80"), twenty.concentrations().get(AqiItem.PM2_5_24H));
        assertEquals(107, twenty.result().aqi(), "100 + 50/40 x 5 = 106.25 -> 107");
    }

    @Test
    void meansAreRoundedHalfToEvenBeforeTheAqi() {
        HourlySeries s = series();
        // 12 hours at 74 and 12 at 75: mean 74.5 -> 74 (half to even) -> IAQI 50 + 50/40 x 39 = 98.75 -> 99
        for (int h = 0; h < 24; h++) {
            s.put(DAY.atTime(h, 0), Pollutant.PM2_5, h < 12 ? 74 : 75, 1);
            s.put(DAY.atTime(h, 0), Pollutant.CO, h < 12 ? 1.2 : 1.3, 1);
        }
        CityAqiReport r = daily(s);
        assertEquals(new BigDecimal("74"), r.concentrations().get(AqiItem.PM2_5_24H));
        assertEquals(99, r.result().aqi());
        assertEquals(new BigDecimal("1.2"), r.concentrations().get(AqiItem.CO_24H), "1.25 -> 1.2 mg/m³");
    }

    @Test
    void ozoneEightHourMeansNeedSixOfEightHours() {
        HourlySeries s = series();
        LocalDateTime noon = DAY.atTime(12, 0);
        for (int h = 0; h < 5; h++) {
            s.put(noon.minusHours(h), Pollutant.O3, 120, 1);
        }
        assertFalse(hourly(HJ2012, s, noon).concentrations().containsKey(AqiItem.O3_8H), "5 of 8 hours");
        s.put(noon.minusHours(5), Pollutant.O3, 120, 1);
        assertEquals(new BigDecimal("120"), hourly(HJ2012, s, noon).concentrations().get(AqiItem.O3_8H));
    }

    @Test
    void hourlySo2DailyMeanStandsInOnlyAbove800() {
        HourlySeries s = series();
        LocalDateTime hour = DAY.atTime(23, 0);
        fill(s, Pollutant.SO2, 24, 100);
        CityAqiReport normal = hourly(HJ2012, s, hour);
        assertEquals(new BigDecimal("100"), normal.concentrations().get(AqiItem.SO2_24H));
        assertFalse(normal.result().iaqi().containsKey(AqiItem.SO2_24H));
        assertEquals(34, normal.result().iaqi().get(AqiItem.SO2_1H), "50/150 x 100 = 33.3 -> 34");

        s.put(hour, Pollutant.SO2, 900, 1);
        CityAqiReport high = hourly(HJ2012, s, hour);
        // 24 h mean (23 x 100 + 900)/24 = 133.3 -> 133 -> 50 + 50/100 x 83 = 91.5 -> 92
        assertEquals(92, high.result().iaqi().get(AqiItem.SO2_24H));
        assertEquals(List.of(AqiItem.SO2_1H), high.result().unused());
    }

    @Test
    void particulatesFollowTheTablesHourlySetting() {
        HourlySeries s = series();
        LocalDateTime hour = DAY.atTime(23, 0);
        fill(s, Pollutant.PM2_5, 24, 50);
        s.put(hour, Pollutant.PM2_5, 194, 1);
        // HJ633-2012: trailing 24 h mean (23 x 50 + 194)/24 = 56 -> 50 + 50/40 x 21 = 76.25 -> 77
        assertEquals(77, hourly(HJ2012, s, hour).result().aqi());
        // HJ633-2026: the hour's own mean 194 -> 200 + 100/100 x 44 = 244
        assertEquals(244, hourly(TablesAccess.hj6332026(), s, hour).result().aqi());
        assertEquals(new BigDecimal("194"), hourly(HJ2012, s, hour).extra().get("PM2_5_1H"));
    }

    @Test
    void hoursAndDaysWithoutDataAreNotReported() {
        HourlySeries s = series();
        s.put(DAY.atTime(5, 0), Pollutant.NO2, 10, 2);
        List<CityAqiReport> hours = CityAggregation.hourly(HJ2012, s, START, DAY.plusDays(2).atStartOfDay());
        assertEquals(1, hours.size());
        assertEquals(2, hours.get(0).completeness().get(AqiItem.NO2_1H).valid());
        assertEquals(1, CityAggregation.daily(HJ2012, s, DAY.minusDays(1), DAY.plusDays(1)).size());
    }

    @Test
    void demoDataIsFlaggedOnEveryValueItTouches() {
        HourlySeries s = series();
        fill(s, Pollutant.PM2_5, 24, 50);
        s.markDemo(DAY.atTime(3, 0));
        assertTrue(daily(s).demo());
        assertTrue(hourly(HJ2012, s, DAY.atTime(3, 0)).demo());
        assertFalse(hourly(HJ2012, s, DAY.atTime(4, 0)).demo());
    }
}
