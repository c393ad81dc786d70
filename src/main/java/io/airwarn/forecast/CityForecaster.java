package io.airwarn.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Forecasts leads 1..7 from an origin day. A lead uses the model's with-meteorology fit when a weather forecast
 * exists for its day and the model's meteorology is in weather-forecast units; otherwise the fit without. Pure.
 */
public final class CityForecaster {

    private CityForecaster() {
    }

    /** @return empty when the origin day has no daily PM2.5 */
    public static List<LeadForecast> forecast(ForecastModel model, DailySeries history, LocalDate origin,
                                              Map<LocalDate, DailyMet> metForecasts) {
        List<LeadForecast> days = new ArrayList<>();
        for (int lead = 1; lead <= ForecastModel.MAX_LEAD; lead++) {
            LocalDate target = origin.plusDays(lead);
            DailyMet met = model.usesStationMeteorology() ? metForecasts.get(target) : null;
            Predictors.MetMode mode = met == null ? Predictors.MetMode.NONE : Predictors.MetMode.TARGET_DAY;
            Double[] x = Predictors.values(history, origin, lead, mode, met, model.heating());
            if (x == null) {
                return List.of();
            }
            LeadModel fit = model.lead(lead, mode);
            days.add(new LeadForecast(lead, target, met != null, ForecastDistribution.of(history.table(),
                    fit.predictLn(x), fit.residualQuantiles())));
        }
        return days;
    }
}
