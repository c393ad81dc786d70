package io.airwarn.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Fits every issue hour, lead and mode of a model, and measures its rolling-origin skill on later days. Pure. */
public final class ModelFitting {

    static final String TARGET = "per pollutant ln(1 + daily value in μg/m³): 24 h mean of PM2.5 and PM10, daily "
            + "maximum 8 h mean of O3; daily AQI = the highest of their IAQI (HJ 633-2012)";
    static final String VALIDATION_METHOD = "rolling origin: refitted on all earlier days before each month, "
            + "lead L forecasts day D+L from data up to the issue hour of day D; withMet uses the observed "
            + "meteorology of the target day (perfect prognosis)";
    /** The scheduled runs (7:00 and 15:00) and the whole-day forecast. */
    public static final List<Integer> DEFAULT_ISSUE_HOURS = List.of(7, 15, Predictors.WHOLE_DAY);

    private ModelFitting() {
    }

    /** The pollutants some unit has a daily value of, PM2.5 first; PM2.5 is required. */
    static List<ForecastPollutant> pollutantsOf(List<DailySeries> units) {
        Set<ForecastPollutant> found = EnumSet.noneOf(ForecastPollutant.class);
        units.forEach(u -> found.addAll(u.pollutants()));
        if (!found.contains(ForecastPollutant.PM2_5)) {
            throw new IllegalArgumentException("the data have no daily PM2.5");
        }
        return List.copyOf(found);
    }

    /**
     * One fit per pollutant. PM2.5 must fit; another pollutant with too few complete days is left out (the AQI is
     * then forecast from the others), so that a short ozone record does not stop the forecast.
     */
    static <T> List<T> fitEach(List<ForecastPollutant> pollutants, Function<ForecastPollutant, T> fit) {
        List<T> models = new ArrayList<>();
        for (ForecastPollutant p : pollutants) {
            try {
                models.add(fit.apply(p));
            } catch (IllegalArgumentException tooFewDays) {
                if (p == ForecastPollutant.PM2_5) {
                    throw tooFewDays;
                }
            }
        }
        return models;
    }

    /**
     * Fits leads 1..7 with and without meteorology of each pollutant on the target days up to
     * {@code lastTrainingDay} of one unit, or of several together (a regional model). A pollutant other than PM2.5
     * that cannot be fitted at every lead is left out; {@link ForecastModelFile.Lead#pollutant()} says which are in.
     */
    public static List<ForecastModelFile.Lead> fitLeads(List<DailySeries> units, LocalDate lastTrainingDay,
                                                        List<Integer> issueHours, Predictors.HeatingSeason heating) {
        return fitEach(pollutantsOf(units), p -> fitLeads(units, p, lastTrainingDay, issueHours, heating)).stream()
                .flatMap(List::stream).toList();
    }

    private static List<ForecastModelFile.Lead> fitLeads(List<DailySeries> units, ForecastPollutant pollutant,
                                                         LocalDate lastTrainingDay, List<Integer> issueHours,
                                                         Predictors.HeatingSeason heating) {
        List<ForecastModelFile.Lead> leads = new ArrayList<>();
        LocalDate cutoff = lastTrainingDay.plusDays(1);
        for (int hour : issueHours) {
            LeadModel[] withMet = new LeadModel[ForecastModel.MAX_LEAD + 1];
            LeadModel[] withoutMet = new LeadModel[ForecastModel.MAX_LEAD + 1];
            for (int lead = 1; lead <= ForecastModel.MAX_LEAD; lead++) {
                withMet[lead] = LeadModelFitter.fit(units, pollutant, cutoff, hour, lead,
                        Predictors.MetMode.TARGET_DAY, heating);
                withoutMet[lead] = LeadModelFitter.fit(units, pollutant, cutoff, hour, lead, Predictors.MetMode.NONE,
                        heating);
            }
            leads.addAll(ForecastModel.leadsOf(pollutant, hour, withMet, withoutMet));
        }
        return leads;
    }

    /** The pollutants of fitted leads, in order. */
    public static List<ForecastPollutant> pollutantsOfLeads(List<ForecastModelFile.Lead> leads) {
        return leads.stream().map(ForecastModelFile.Lead::pollutant).distinct().toList();
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
