package io.airwarn.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Forecasts leads 1..7 from an origin day and issue hour. A lead uses the model's with-meteorology fit when a
 * weather forecast exists for its day and the model's meteorology is in weather-forecast units; otherwise the fit
 * without. The day before the target day, against which its weather changes are measured, is the posted forecast of
 * that day, or the observed origin day. Pure.
 */
public final class CityForecaster {

    private CityForecaster() {
    }

    /** @return empty when the origin day has no daily PM2.5 */
    public static List<LeadForecast> forecast(ForecastModel model, DailySeries history, LocalDate origin,
                                              int issueHour, Map<LocalDate, DailyMet> metForecasts) {
        List<LeadForecast> days = new ArrayList<>();
        for (int lead = 1; lead <= ForecastModel.MAX_LEAD; lead++) {
            LocalDate target = origin.plusDays(lead);
            DailyMet met = model.usesStationMeteorology() ? metForecasts.get(target) : null;
            Predictors.MetMode mode = met == null ? Predictors.MetMode.NONE : Predictors.MetMode.TARGET_DAY;
            LocalDate before = target.minusDays(1);
            DailyMet previous = metForecasts.containsKey(before) ? metForecasts.get(before)
                    : before.equals(origin) && issueHour == Predictors.WHOLE_DAY ? history.met(origin) : null;
            Double[] x = Predictors.values(history, origin, issueHour, lead, mode, met, previous, model.heating());
            if (x == null) {
                return List.of();
            }
            days.add(new LeadForecast(lead, target, met != null, ForecastDistribution.of(history.table(),
                    model.lead(issueHour, lead, mode), x)));
        }
        return days;
    }
}
