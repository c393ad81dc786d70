package io.airwarn.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Fits every lead and mode of a model, and measures its rolling-origin skill on later days. Pure. */
public final class ModelFitting {

    static final String TARGET = "ln(1 + daily mean PM2.5 in μg/m³); daily AQI = PM2.5 24 h IAQI (HJ 633-2012)";
    static final String VALIDATION_METHOD = "rolling origin: refitted on all earlier days before each month, "
            + "lead L forecasts day D+L from data through day D; withMet uses the observed meteorology of the "
            + "target day (perfect prognosis)";

    private ModelFitting() {
    }

    /** Fits leads 1..7 with and without meteorology on the target days up to {@code lastTrainingDay}. */
    public static List<ForecastModelFile.Lead> fitLeads(DailySeries series, LocalDate lastTrainingDay,
                                                        Predictors.HeatingSeason heating) {
        LeadModel[] withMet = new LeadModel[ForecastModel.MAX_LEAD + 1];
        LeadModel[] withoutMet = new LeadModel[ForecastModel.MAX_LEAD + 1];
        LocalDate cutoff = lastTrainingDay.plusDays(1);
        for (int lead = 1; lead <= ForecastModel.MAX_LEAD; lead++) {
            withMet[lead] = LeadModelFitter.fit(series, cutoff, lead, Predictors.MetMode.TARGET_DAY, heating);
            withoutMet[lead] = LeadModelFitter.fit(series, cutoff, lead, Predictors.MetMode.NONE, heating);
        }
        return ForecastModel.leadsOf(withMet, withoutMet);
    }

    /** Rolling-origin skill of every lead and mode over the days after {@code trainUntil}. */
    public static ForecastModelFile.Validation validate(DailySeries series, LocalDate trainUntil,
                                                        Predictors.HeatingSeason heating) {
        List<Integer> leads = new ArrayList<>();
        for (int lead = 1; lead <= ForecastModel.MAX_LEAD; lead++) {
            leads.add(lead);
        }
        List<ForecastModelFile.ValidationLead> rows = new ArrayList<>();
        int testDays = 0;
        for (Predictors.MetMode mode : Predictors.MetMode.values()) {
            RollingOriginEvaluation.Result result = RollingOriginEvaluation.run(series, trainUntil, leads, mode, heating);
            testDays = result.testDays();
            for (RollingOriginEvaluation.LeadScores s : result.leads()) {
                rows.add(new ForecastModelFile.ValidationLead(s.lead(),
                        mode == Predictors.MetMode.TARGET_DAY ? "perfect" : "none", s.model().rmse(),
                        s.persistence().rmse(), s.model().above200().csi(), s.persistence().above200().csi(),
                        s.model().above200().brierSkill()));
            }
        }
        return new ForecastModelFile.Validation(VALIDATION_METHOD, trainUntil.plusDays(1) + ".." + series.lastDay(),
                testDays, rows);
    }
}
