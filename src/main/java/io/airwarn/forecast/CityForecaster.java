package io.airwarn.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Forecasts the AQI of leads 1..7 from an origin day and issue hour, from the model's fit of each pollutant. A lead uses the model's with-meteorology fit when a
 * weather forecast exists for its day and the model's meteorology is in weather-forecast units; otherwise the fit
 * without. The day before the target day, against which its weather changes are measured, is the posted forecast of
 * that day, or the observed origin day. Pure.
 */
public final class CityForecaster {

    private CityForecaster() {
    }

    /** @return empty when the PM2.5 of the 24 hours before the issue time is unknown */
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
            int l = lead;
            List<LeadModel> fits = model.pollutants().stream().map(p -> model.lead(p, issueHour, l, mode)).toList();
            ForecastDistribution d = distribution(history, fits, p -> Predictors.values(history, p, origin, issueHour,
                    l, mode, met, previous, model.heating()));
            if (d == null) {
                return List.of();
            }
            days.add(new LeadForecast(lead, target, met != null, d));
        }
        return days;
    }

    /**
     * The AQI forecast from each pollutant's fit whose recent hours are known; null when PM2.5's are not.
     *
     * @param predictors a pollutant's predictor values, null when its recent hours are unknown
     */
    static ForecastDistribution distribution(DailySeries history, List<LeadModel> fits,
                                             Function<ForecastPollutant, Double[]> predictors) {
        List<ForecastDistribution.Part> parts = new ArrayList<>();
        for (LeadModel fit : fits) {
            Double[] x = predictors.apply(fit.pollutant());
            if (x != null) {
                parts.add(ForecastDistribution.Part.of(fit, x));
            } else if (fit.pollutant() == ForecastPollutant.PM2_5) {
                return null;
            }
        }
        return ForecastDistribution.of(history.table(), parts);
    }
}
