package io.airwarn.aqi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class AqiCalculatorTest {

    private static final BreakpointTable T = Tables.HJ633_2012;
    private static final BigDecimal EPSILON = new BigDecimal("0.001");

    /** HJ 633-2012 Table 1, typed in again here so a mistake in the shipped file cannot hide. */
    private static final Map<AqiItem, int[]> TABLE_1 = new EnumMap<>(Map.of(
            AqiItem.SO2_24H, new int[] {0, 50, 150, 475, 800, 1600, 2100, 2620},
            AqiItem.SO2_1H, new int[] {0, 150, 500, 650, 800},
            AqiItem.NO2_24H, new int[] {0, 40, 80, 180, 280, 565, 750, 940},
            AqiItem.NO2_1H, new int[] {0, 100, 200, 700, 1200, 2340, 3090, 3840},
            AqiItem.PM10_24H, new int[] {0, 50, 150, 250, 350, 420, 500, 600},
            AqiItem.CO_24H, new int[] {0, 2, 4, 14, 24, 36, 48, 60},
            AqiItem.CO_1H, new int[] {0, 5, 10, 35, 60, 90, 120, 150},
            AqiItem.O3_1H, new int[] {0, 160, 200, 300, 400, 800, 1000, 1200},
            AqiItem.O3_8H, new int[] {0, 100, 160, 215, 265, 800},
            AqiItem.PM2_5_24H, new int[] {0, 35, 75, 115, 150, 250, 350, 500}));
    private static final int[] IAQI = {0, 50, 100, 150, 200, 300, 400, 500};

    private static int iaqi(AqiItem item, String concentration) {
        return AqiCalculator.subIndex(T, item, new BigDecimal(concentration));
    }

    private static AqiResult aqi(Object... itemsAndValues) {
        Map<AqiItem, BigDecimal> c = new EnumMap<>(AqiItem.class);
        for (int i = 0; i < itemsAndValues.length; i += 2) {
            c.put((AqiItem) itemsAndValues[i], new BigDecimal(itemsAndValues[i + 1].toString()));
        }
        return AqiCalculator.calculate(T, c).orElseThrow();
    }

    @TestFactory
    List<DynamicTest> everyBreakpointGivesItsIaqiAndItsNeighboursRoundUp() {
        List<DynamicTest> tests = new ArrayList<>();
        TABLE_1.forEach((item, bps) -> {
            for (int i = 1; i < bps.length; i++) {
                BigDecimal bp = BigDecimal.valueOf(bps[i]);
                int expected = IAQI[i];
                boolean top = i == bps.length - 1;
                tests.add(DynamicTest.dynamicTest(item + " at " + bp, () ->
                        assertEquals(expected, AqiCalculator.subIndex(T, item, bp))));
                tests.add(DynamicTest.dynamicTest(item + " just below " + bp, () ->
                        assertEquals(expected, AqiCalculator.subIndex(T, item, bp.subtract(EPSILON)))));
                if (!top) {
                    tests.add(DynamicTest.dynamicTest(item + " just above " + bp, () ->
                            assertEquals(expected + 1, AqiCalculator.subIndex(T, item, bp.add(EPSILON)))));
                }
            }
        });
        return tests;
    }

    @Test
    void concentrationAtMostInvertsTheTable() {
        assertEquals(0, new BigDecimal("150").compareTo(AqiCalculator.concentrationAtMost(T, AqiItem.PM2_5_24H, 200)));
        assertEquals(0, new BigDecimal("250").compareTo(AqiCalculator.concentrationAtMost(T, AqiItem.PM2_5_24H, 300)));
        assertEquals(0, new BigDecimal("498.5").compareTo(AqiCalculator.concentrationAtMost(T, AqiItem.PM2_5_24H, 499)));
        assertEquals(200, iaqi(AqiItem.PM2_5_24H, "150"));
        assertEquals(201, iaqi(AqiItem.PM2_5_24H, "150.001"));
        assertEquals(499, iaqi(AqiItem.PM2_5_24H, "498.5"));
        assertEquals(500, iaqi(AqiItem.PM2_5_24H, "498.501"));
    }

    @Test
    void zeroGivesZero() {
        for (AqiItem item : AqiItem.values()) {
            assertEquals(0, iaqi(item, "0"), item.name());
        }
    }

    @Test
    void betweenBreakpointsInterpolatesAndRoundsUp() {
        // (150-100)/(115-75) x (100-75) + 100 = 131.25 -> 132
        assertEquals(132, iaqi(AqiItem.PM2_5_24H, "100"));
        // (100-50)/(150-50) x (100-50) + 50 = 75 exactly
        assertEquals(75, iaqi(AqiItem.SO2_24H, "100"));
        // (100-50)/(4-2) x (3.3-2) + 50 = 82.5 -> 83
        assertEquals(83, iaqi(AqiItem.CO_24H, "3.3"));
        // (200-150)/(265-215) x (240-215) + 150 = 175 exactly
        assertEquals(175, iaqi(AqiItem.O3_8H, "240"));
        // (300-200)/(250-150) x (200.5-150) + 200 = 250.5 -> 251
        assertEquals(251, iaqi(AqiItem.PM2_5_24H, "200.5"));
        // (500-400)/(3840-3090) x (3500-3090) + 400 = 454.67 -> 455
        assertEquals(455, iaqi(AqiItem.NO2_1H, "3500"));
    }

    @Test
    void arithmeticIsExactWhereDoublesWouldRoundUpTooFar() {
        // (200-150)/(150-115) x (128.3-115) + 150 = 169 exactly; in double arithmetic it is 169.00000000000003,
        // which would round up to 170.
        double naive = 50.0 / 35 * (128.3 - 115) + 150;
        assertTrue(naive > 169.0, "the double formula overshoots: " + naive);
        assertEquals(169, iaqi(AqiItem.PM2_5_24H, "128.3"));
    }

    @Test
    void so2TwentyFourHourColumnIsNotTheOneHourColumn() {
        // A known bug in public code uses the 1 h series (0,150,500,...) for SO2 24 h, giving 50 here.
        assertEquals(100, iaqi(AqiItem.SO2_24H, "150"));
        assertEquals(50, iaqi(AqiItem.SO2_1H, "150"));
    }

    @Test
    void aboveTheTopBreakpointGivesFiveHundred() {
        assertEquals(500, iaqi(AqiItem.PM2_5_24H, "500.001"));
        assertEquals(500, iaqi(AqiItem.PM2_5_24H, "999"));
        assertEquals(500, iaqi(AqiItem.CO_1H, "151"));
        assertEquals(500, aqi(AqiItem.PM10_24H, 1000).aqi());
    }

    @Test
    void so2OneHourAbove800IsNotUsedAndTheDailySubIndexStands() {
        AqiResult r = aqi(AqiItem.SO2_1H, "800.1", AqiItem.SO2_24H, 100);
        assertEquals(75, r.aqi());
        assertEquals(Map.of(AqiItem.SO2_24H, 75), r.iaqi());
        assertEquals(List.of(AqiItem.SO2_1H), r.unused());
        assertEquals(200, aqi(AqiItem.SO2_1H, 800).aqi(), "800 itself is still on the table");
    }

    @Test
    void so2OneHourAbove800AloneGivesNoAqi() {
        assertTrue(AqiCalculator.calculate(T, Map.of(AqiItem.SO2_1H, new BigDecimal("900"))).isEmpty());
    }

    @Test
    void ozoneEightHourAbove800IsNotUsedAndTheOneHourSubIndexStands() {
        AqiResult r = aqi(AqiItem.O3_8H, 801, AqiItem.O3_1H, 300);
        assertEquals(150, r.aqi());
        assertEquals(Map.of(AqiItem.O3_1H, 150), r.iaqi());
        assertEquals(List.of(AqiItem.O3_8H), r.unused());
        assertEquals(300, aqi(AqiItem.O3_8H, 800).aqi());
    }

    @Test
    void primaryPollutantsAreAllItemsTiedAtTheMaximumAboveFifty() {
        AqiResult tie = aqi(AqiItem.PM10_24H, 150, AqiItem.PM2_5_24H, 75, AqiItem.NO2_24H, 40);
        assertEquals(100, tie.aqi());
        assertEquals(List.of(AqiItem.PM10_24H, AqiItem.PM2_5_24H), tie.primaryPollutants());
        assertEquals(List.of(), tie.exceedingPollutants(), "IAQI 100 is not exceeding");

        AqiResult single = aqi(AqiItem.PM10_24H, 150, AqiItem.PM2_5_24H, 76);
        assertEquals(List.of(AqiItem.PM2_5_24H), single.primaryPollutants());
        assertEquals(List.of(AqiItem.PM2_5_24H), single.exceedingPollutants());
    }

    @Test
    void noPrimaryPollutantAtFiftyOrBelow() {
        assertEquals(List.of(), aqi(AqiItem.PM2_5_24H, 35, AqiItem.PM10_24H, 50).primaryPollutants());
        assertEquals(List.of(AqiItem.PM2_5_24H), aqi(AqiItem.PM2_5_24H, "35.1").primaryPollutants());
    }

    @Test
    void categoriesFollowTheStandardsBoundariesAndColours() {
        int[][] boundaries = {{0, 1}, {50, 1}, {51, 2}, {100, 2}, {101, 3}, {150, 3}, {151, 4}, {200, 4}, {201, 5},
            {300, 5}, {301, 6}, {500, 6}};
        for (int[] b : boundaries) {
            assertEquals(b[1], AqiCategory.of(b[0]).level(), "AQI " + b[0]);
        }
        assertEquals("#99004C", AqiCategory.HEAVILY_POLLUTED.color());
        assertEquals("重度污染", AqiCategory.HEAVILY_POLLUTED.zh());
        assertEquals("#7E0023", AqiCategory.SEVERELY_POLLUTED.color());
        assertEquals("#00E400", AqiCategory.EXCELLENT.color());
    }

    @Test
    void theRevisedTableMovesOnlyTheParticulateIaqiHundredBreakpoints() {
        BreakpointTable revised = Tables.HJ633_2026;
        assertEquals(100, AqiCalculator.subIndex(revised, AqiItem.PM2_5_24H, new BigDecimal("60")));
        assertEquals(100, AqiCalculator.subIndex(revised, AqiItem.PM10_24H, new BigDecimal("120")));
        // (150-100)/(115-60) x (75-60) + 100 = 113.64 -> 114, where HJ 633-2012 gives 100
        assertEquals(114, AqiCalculator.subIndex(revised, AqiItem.PM2_5_24H, new BigDecimal("75")));
        for (AqiItem item : AqiItem.values()) {
            if (item != AqiItem.PM2_5_24H && item != AqiItem.PM10_24H) {
                assertEquals(T.column(item), revised.column(item), item.name());
            }
        }
    }
}
