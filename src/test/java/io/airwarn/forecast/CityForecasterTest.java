package io.airwarn.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The service's forecast from a history and posted weather forecasts, with the shipped default model. */
class CityForecasterTest {

    private static final DailySeries HISTORY = ForecastFixtures.embassySeries();
    private static final LocalDate ORIGIN = LocalDate.of(2014, 12, 10);

    private static DailyMet weather(Double low, Double high) {
        return new DailyMet(-2.0, -12.0, 1025.0, 1.5, 0.0, 0.0, 0.0, 1.0, 0.0, low, high);
    }

    @Test
    void aPostedTemperatureRangeMovesTheForecastOfItsDay() throws Exception {
        ForecastModel model = ForecastModels.read(Path.of("forecast-models/default.yaml"));
        LocalDate target = ORIGIN.plusDays(1);
        List<LeadForecast> calm = CityForecaster.forecast(model, HISTORY, ORIGIN, Predictors.WHOLE_DAY,
                Map.of(target, weather(-9.0, 6.0)));
        List<LeadForecast> unknown = CityForecaster.forecast(model, HISTORY, ORIGIN, Predictors.WHOLE_DAY,
                Map.of(target, weather(null, null)));
        assertTrue(calm.get(0).withMeteorology());
        assertEquals(target, calm.get(0).date());
        assertNotEquals(calm.get(0).distribution().expectedAqi(), unknown.get(0).distribution().expectedAqi(),
                "a 15 °C diurnal range (a night-time inversion) is not the training mean");
        assertEquals(calm.get(1), unknown.get(1), "lead 2 has no weather forecast");
    }

    @Test
    void aRunAtFifteenUsesTheModelsFifteenHourFitAndTheHoursBeforeIt() throws Exception {
        ForecastModel model = ForecastModels.read(Path.of("forecast-models/default.yaml"));
        List<LeadForecast> atFifteen = CityForecaster.forecast(model, HISTORY, ORIGIN, 15, Map.of());
        List<LeadForecast> wholeDay = CityForecaster.forecast(model, HISTORY, ORIGIN, Predictors.WHOLE_DAY, Map.of());
        assertEquals(ForecastModel.MAX_LEAD, atFifteen.size());
        Double[] x = Predictors.values(HISTORY, ForecastPollutant.PM2_5, ORIGIN, 15, 1, Predictors.MetMode.NONE, null,
                null, model.heating());
        // The embassy file has PM2.5 alone: the AQI is its sub-index.
        assertEquals(ForecastDistribution.of(HISTORY.table(), model.lead(ForecastPollutant.PM2_5, 15, 1,
                Predictors.MetMode.NONE), x), atFifteen.get(0).distribution());
        assertNotEquals(wholeDay.get(0).distribution(), atFifteen.get(0).distribution());
    }
}
