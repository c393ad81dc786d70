package io.airwarn.forecast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RollingOriginEvaluationTest {

    private static final DailySeries SERIES = ForecastFixtures.embassySeries();
    private static final Predictors.HeatingSeason NO_HEATING = Predictors.HeatingSeason.NONE;
    private static final int WHOLE_DAY = Predictors.WHOLE_DAY;

    /** The series with every day from {@code from} on replaced by nonsense (and the met of {@code from} kept). */
    private static DailySeries changedFrom(LocalDate from, boolean keepMetOfFirstDay) {
        List<DailyRecord> days = new ArrayList<>();
        for (LocalDate d = SERIES.firstDay(); !d.isAfter(SERIES.lastDay()); d = d.plusDays(1)) {
            DailyRecord r = SERIES.get(d);
            if (d.isBefore(from)) {
                days.add(r);
            } else {
                DailyMet met = keepMetOfFirstDay && d.equals(from) ? r.met()
                        : new DailyMet(40.0, 30.0, 950.0, 0.0, 80.0, 0.0, 1.0, 0.0, 0.0, 20.0, 45.0);
                days.add(new DailyRecord(d, 900.0, met));
            }
        }
        return new DailySeries(days, SERIES.table());
    }

    @Test
    void persistenceScoresAsComputedByHand() {
        // US Embassy daily PM2.5 (24 valid hours each): 2014-12-27 sum 5728 -> mean 238.67 -> 239 -> AQI
        // 200 + 100/100 x 89 = 289; 12-28 4737 -> 197.375 -> 197 -> 247; 12-29 3816 -> 159 -> 209;
        // 12-30 1106 -> 46.08 -> 46 -> 50 + 50/40 x 11 = 63.75 -> 64; 12-31 241 -> 10.04 -> 10 -> 14.3 -> 15.
        var result = RollingOriginEvaluation.run(SERIES, LocalDate.of(2014, 12, 27), List.of(1),
                WHOLE_DAY, Predictors.MetMode.NONE, NO_HEATING);
        assertEquals(4, result.testDays());
        Score p = result.leads().get(0).persistence();
        // Lead 1 forecasts 289, 247, 209, 64 against 247, 209, 64, 15: errors +42, +38, +145, +49.
        assertEquals(4, p.n());
        assertEquals(Math.sqrt((42 * 42 + 38 * 38 + 145 * 145 + 49 * 49) / 4.0), p.rmse(), 1e-9);
        assertEquals((42 + 38 + 145 + 49) / 4.0, p.mae(), 1e-9);
        assertEquals(68.5, p.bias(), 1e-9);
        // > 200: forecast yes, yes, yes, no; observed yes, yes, no, no -> 2 hits, 1 false alarm, no miss.
        assertEquals(2, p.above200().hits());
        assertEquals(1, p.above200().falseAlarms());
        assertEquals(0, p.above200().misses());
        assertEquals(2.0 / 3, p.above200().csi(), 1e-12);
        // Brier with 0/1 probabilities: one wrong of four.
        assertEquals(0.25, p.above200().brier(), 1e-12);
    }

    @Test
    void forecastsNeverSeeTheFutureWithoutMeteorology() {
        LocalDate trainUntil = LocalDate.of(2014, 5, 31);
        LocalDate change = LocalDate.of(2014, 9, 15);
        Map<LocalDate, ForecastDistribution> before = RollingOriginEvaluation.forecasts(SERIES, trainUntil, WHOLE_DAY, 1,
                Predictors.MetMode.NONE, NO_HEATING);
        Map<LocalDate, ForecastDistribution> after = RollingOriginEvaluation.forecasts(changedFrom(change, false),
                trainUntil, WHOLE_DAY, 1, Predictors.MetMode.NONE, NO_HEATING);
        // Day `change` is forecast from data through the day before: unchanged, like every earlier day.
        before.forEach((day, forecast) -> {
            if (!day.isAfter(change)) {
                assertEquals(forecast, after.get(day), day.toString());
            }
        });
        assertNotEquals(before.get(change.plusDays(1)), after.get(change.plusDays(1)), "the change does reach later days");
    }

    @Test
    void aForecastIssuedAtThreePmSeesOnlyTheHoursBeforeIt() {
        LocalDate trainUntil = LocalDate.of(2014, 5, 31);
        LocalDateTime change = LocalDateTime.of(2014, 9, 15, 15, 0);
        List<DailyRecord> days = new ArrayList<>();
        for (LocalDate d = SERIES.firstDay(); !d.isAfter(SERIES.lastDay()); d = d.plusDays(1)) {
            DailyRecord r = SERIES.get(d);
            double[] hours = r.pollutants().get(ForecastPollutant.PM2_5).hourly().clone();
            for (int h = 0; h < hours.length; h++) {
                hours[h] = d.atTime(h, 0).isBefore(change) ? hours[h] : 900;
            }
            days.add(d.isBefore(change.toLocalDate()) ? r : new DailyRecord(d, 900.0, r.met(), hours));
        }
        DailySeries changed = new DailySeries(days, SERIES.table());
        for (Predictors.MetMode mode : Predictors.MetMode.values()) {
            Map<LocalDate, ForecastDistribution> before = RollingOriginEvaluation.forecasts(SERIES, trainUntil, 15, 1,
                    mode, NO_HEATING);
            Map<LocalDate, ForecastDistribution> after = RollingOriginEvaluation.forecasts(changed, trainUntil, 15, 1,
                    mode, NO_HEATING);
            LocalDate issuedOnChangeDay = change.toLocalDate().plusDays(1);
            assertEquals(before.get(issuedOnChangeDay), after.get(issuedOnChangeDay), mode.toString());
            assertNotEquals(before.get(issuedOnChangeDay.plusDays(1)), after.get(issuedOnChangeDay.plusDays(1)),
                    "the next day's 15:00 forecast sees the changed hours");
        }
        // Persistence at 15:00 is the AQI of the 24 hours before it.
        assertEquals(ForecastPollutant.PM2_5.subIndex(SERIES.table(), SERIES.meanBefore(ForecastPollutant.PM2_5,
                change, 24, 18)),
                RollingOriginEvaluation.persistedAqi(SERIES, change.toLocalDate(), 15));
    }

    @Test
    void withPerfectMeteorologyOnlyTheTargetDaysWeatherIsSeen() {
        LocalDate trainUntil = LocalDate.of(2014, 5, 31);
        LocalDate change = LocalDate.of(2014, 9, 15);
        Map<LocalDate, ForecastDistribution> before = RollingOriginEvaluation.forecasts(SERIES, trainUntil, WHOLE_DAY, 2,
                Predictors.MetMode.TARGET_DAY, NO_HEATING);
        // The PM2.5 of `change` itself changes too; its weather stays: the lead-2 forecast of it must not move.
        Map<LocalDate, ForecastDistribution> after = RollingOriginEvaluation.forecasts(changedFrom(change, true),
                trainUntil, WHOLE_DAY, 2, Predictors.MetMode.TARGET_DAY, NO_HEATING);
        before.forEach((day, forecast) -> {
            if (!day.isAfter(change)) {
                assertEquals(forecast, after.get(day), day.toString());
            }
        });
    }

    @Test
    void eachMonthsModelIsTheModelFittedWithThatMonthAndLaterRemoved() {
        LocalDate september = LocalDate.of(2014, 9, 1);
        DailySeries truncated = new DailySeries(SERIES.firstDay().datesUntil(september).map(SERIES::get).toList(),
                SERIES.table());
        LeadModel inProtocol = LeadModelFitter.fit(SERIES, ForecastPollutant.PM2_5, september, WHOLE_DAY, 1,
                Predictors.MetMode.TARGET_DAY, NO_HEATING);
        LeadModel withMonthRemoved = LeadModelFitter.fit(truncated, ForecastPollutant.PM2_5, september, WHOLE_DAY, 1,
                Predictors.MetMode.TARGET_DAY,
                NO_HEATING);
        assertArrayEquals(withMonthRemoved.coefficients(), inProtocol.coefficients());
        assertArrayEquals(withMonthRemoved.residualQuantiles(), inProtocol.residualQuantiles());
        assertEquals(withMonthRemoved.intercept(), inProtocol.intercept());
    }

    @Test
    void aTrainingCutThatLeavesNoTestOrTrainingDataIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> RollingOriginEvaluation.run(SERIES,
                LocalDate.of(2015, 1, 1), List.of(1), WHOLE_DAY, Predictors.MetMode.NONE, NO_HEATING));
        assertThrows(IllegalArgumentException.class, () -> RollingOriginEvaluation.run(SERIES,
                LocalDate.of(2012, 12, 1), List.of(1), WHOLE_DAY, Predictors.MetMode.NONE, NO_HEATING));
    }
}
