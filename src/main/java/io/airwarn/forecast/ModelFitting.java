package io.airwarn.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Fits every issue hour, lead and mode of a model, and measures its rolling-origin skill on later days. Pure. */
public final class ModelFitting {

    static final String TARGET = "ln(1 + daily mean PM2.5 in μg/m³); daily AQI = PM2.5 24 h IAQI (HJ 633-2012)";
    static final String VALIDATION_METHOD = "rolling origin: refitted on all earlier days before each month, "
            + "lead L forecasts day D+L from data up to the issue hour of day D; withMet uses the observed "
            + "meteorology of the target day (perfect prognosis)";
    /** The scheduled runs (7:00 and 15:00) and the whole-day forecast. */
    public static final List<Integer> DEFAULT_ISSUE_HOURS = List.of(7, 15, Predictors.WHOLE_DAY);

    private ModelFitting() {
    }

    /**
     * Fits leads 1..7 with and without meteorology on the target days up to {@code lastTrainingDay} of one unit, or
     * of several together (a regional model).
     */
    public static List<ForecastModelFile.Lead> fitLeads(List<DailySeries> units, LocalDate lastTrainingDay,
                                                        List<Integer> issueHours, Predictors.HeatingSeason heating) {
        List<ForecastModelFile.Lead> leads = new ArrayList<>();
        LocalDate cutoff = lastTrainingDay.plusDays(1);
        for (int hour : issueHours) {
            LeadModel[] withMet = new LeadModel[ForecastModel.MAX_LEAD + 1];
            LeadModel[] withoutMet = new LeadModel[ForecastModel.MAX_LEAD + 1];
            for (int lead = 1; lead <= ForecastModel.MAX_LEAD; lead++) {
                withMet[lead] = LeadModelFitter.fit(units, cutoff, hour, lead, Predictors.MetMode.TARGET_DAY, heating);
                withoutMet[lead] = LeadModelFitter.fit(units, cutoff, hour, lead, Predictors.MetMode.NONE, heating);
            }
            leads.addAll(ForecastModel.leadsOf(hour, withMet, withoutMet));
        }
        return leads;
    }

    /** Rolling-origin skill of every issue hour, lead and mode over the days after {@code trainUntil}. */
    public static ForecastModelFile.Validation validate(List<DailySeries> units, LocalDate trainUntil,
                                                        List<Integer> issueHours, Predictors.HeatingSeason heating) {
        List<Integer> leads = new ArrayList<>();
        for (int lead = 1; lead <= ForecastModel.MAX_LEAD; lead++) {
            leads.add(lead);
        }
        List<ForecastModelFile.ValidationLead> rows = new ArrayList<>();
        int testDays = 0;
        for (int hour : issueHours) {
            for (Predictors.MetMode mode : Predictors.MetMode.values()) {
                RollingOriginEvaluation.Result result = RollingOriginEvaluation.run(units, trainUntil, leads, hour,
                        mode, heating, null);
                testDays = result.testDays();
                for (RollingOriginEvaluation.LeadScores s : result.leads()) {
                    rows.add(new ForecastModelFile.ValidationLead(hour, s.lead(),
                            mode == Predictors.MetMode.TARGET_DAY ? "perfect" : "none", s.model().rmse(),
                            s.persistence().rmse(), s.model().above200().csi(), s.persistence().above200().csi(),
                            s.model().above200().brierSkill()));
                }
            }
        }
        LocalDate last = units.stream().map(DailySeries::lastDay).max(LocalDate::compareTo).orElseThrow();
        return new ForecastModelFile.Validation(VALIDATION_METHOD, trainUntil.plusDays(1) + ".." + last, testDays,
                rows);
    }
}
