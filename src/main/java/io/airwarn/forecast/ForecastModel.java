package io.airwarn.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A fitted forecast model ready to use: for each pollutant, each issue hour it was fitted for and each lead 1..7, a
 * fit with the target day's meteorology and one without. Built from a {@link ForecastModelFile} only after every part of it has
 * been checked.
 */
public final class ForecastModel {

    public static final int MAX_LEAD = 7;
    static final String TYPE = "log-linear-ols";
    static final int FORMAT_VERSION = 3;

    private final ForecastModelFile file;
    private final String version;
    private final Predictors.HeatingSeason heating;
    private final Map<ForecastPollutant, Map<Integer, Map<Predictors.MetMode, LeadModel[]>>> fits =
            new EnumMap<>(ForecastPollutant.class);

    private ForecastModel(ForecastModelFile file, String version) {
        this.file = file;
        this.version = version;
        this.heating = Predictors.HeatingSeason.parse(file.heatingSeason());
        for (ForecastPollutant pollutant : file.pollutants()) {
            Map<Integer, Map<Predictors.MetMode, LeadModel[]>> byHour = new TreeMap<>();
            for (int hour : file.issueHours()) {
                Map<Predictors.MetMode, LeadModel[]> byMode = new EnumMap<>(Predictors.MetMode.class);
                for (Predictors.MetMode mode : Predictors.MetMode.values()) {
                    byMode.put(mode, new LeadModel[MAX_LEAD + 1]);
                }
                byHour.put(hour, byMode);
            }
            fits.put(pollutant, byHour);
        }
        for (ForecastModelFile.Lead lead : file.leads()) {
            Map<Predictors.MetMode, LeadModel[]> byMode = fits.get(lead.pollutant()).get(lead.issueHour());
            byMode.get(Predictors.MetMode.TARGET_DAY)[lead.lead()] =
                    toLeadModel(lead.withMet(), Predictors.MetMode.TARGET_DAY, lead, heating);
            byMode.get(Predictors.MetMode.NONE)[lead.lead()] =
                    toLeadModel(lead.withoutMet(), Predictors.MetMode.NONE, lead, heating);
        }
    }

    /**
     * @param version identifies the exact fitted model (AirWarn uses the start of the file's SHA-256)
     * @throws IllegalArgumentException naming what is wrong with the file's content
     */
    public static ForecastModel of(ForecastModelFile file, String version) {
        if (file.id() == null || file.id().isBlank()) {
            throw new IllegalArgumentException("id is missing");
        }
        if (!TYPE.equals(file.type()) || file.formatVersion() != FORMAT_VERSION) {
            throw new IllegalArgumentException("type must be " + TYPE + " with formatVersion " + FORMAT_VERSION
                    + " (older model files forecast PM2.5 alone: refit them)");
        }
        List<ForecastPollutant> pollutants = file.pollutants();
        if (pollutants == null || pollutants.isEmpty() || pollutants.get(0) != ForecastPollutant.PM2_5
                || pollutants.contains(null)
                || !pollutants.equals(pollutants.stream().sorted().distinct().toList())) {
            throw new IllegalArgumentException("pollutants must list PM2_5 first, then any of PM10 and O3_8H, in that "
                    + "order and once each");
        }
        if (!ForecastModelFile.SCOPES.contains(file.scope())) {
            throw new IllegalArgumentException("scope must be one of " + ForecastModelFile.SCOPES);
        }
        List<Integer> hours = file.issueHours();
        if (hours == null || hours.isEmpty() || !hours.contains(Predictors.WHOLE_DAY)
                || hours.stream().anyMatch(h -> h == null || h < 1 || h > Predictors.WHOLE_DAY)
                || !hours.equals(hours.stream().sorted().distinct().toList())) {
            throw new IllegalArgumentException("issueHours must list hours 1..24 in increasing order, 24 among them");
        }
        int perPollutant = MAX_LEAD * hours.size();
        if (file.leads() == null || file.leads().size() != perPollutant * pollutants.size()) {
            throw new IllegalArgumentException("leads 1.." + MAX_LEAD + " are needed for every pollutant and issue "
                    + "hour");
        }
        for (int i = 0; i < file.leads().size(); i++) {
            ForecastModelFile.Lead lead = file.leads().get(i);
            if (lead.pollutant() != pollutants.get(i / perPollutant)
                    || lead.issueHour() != hours.get(i % perPollutant / MAX_LEAD) || lead.lead() != i % MAX_LEAD + 1) {
                throw new IllegalArgumentException("leads must be listed 1.." + MAX_LEAD + " in order for each issue "
                        + "hour in turn, pollutant by pollutant");
            }
        }
        return new ForecastModel(file, version);
    }

    private static LeadModel toLeadModel(ForecastModelFile.Fit fit, Predictors.MetMode mode,
                                         ForecastModelFile.Lead lead, Predictors.HeatingSeason heating) {
        String where = lead.pollutant() + " issue hour " + lead.issueHour() + " lead " + lead.lead()
                + (mode == Predictors.MetMode.TARGET_DAY ? " withMet" : " withoutMet") + ": ";
        if (fit == null || fit.coefficients() == null || fit.predictorMeans() == null
                || fit.residualPercentiles() == null || fit.above200() == null || fit.above300() == null) {
            throw new IllegalArgumentException(where + "coefficients, predictorMeans, residualPercentiles, above200 "
                    + "and above300 are needed");
        }
        List<String> names = Predictors.names(mode, heating);
        if (!new ArrayList<>(fit.coefficients().keySet()).equals(names)
                || !new ArrayList<>(fit.predictorMeans().keySet()).equals(names)) {
            throw new IllegalArgumentException(where + "the predictors must be exactly " + names);
        }
        try {
            return new LeadModel(lead.pollutant(), names, fit.intercept(), values(fit.coefficients(), names),
                    values(fit.predictorMeans(), names),
                    fit.residualPercentiles().stream().mapToDouble(Double::doubleValue).toArray(), fit.samples(),
                    calibration(fit.above200()), calibration(fit.above300()));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(where + (e.getMessage() == null ? "a value is missing" : e.getMessage()));
        }
    }

    private static LeadModel.Calibration calibration(ForecastModelFile.Calibration c) {
        return new LeadModel.Calibration(c.intercept(), c.slope(), c.decision());
    }

    private static double[] values(Map<String, Double> byName, List<String> names) {
        return names.stream().mapToDouble(byName::get).toArray();
    }

    /** The file form of fitted lead models: per pollutant and issue hour, index 1..7 of each array. */
    static List<ForecastModelFile.Lead> leadsOf(ForecastPollutant pollutant, int issueHour, LeadModel[] withMet,
                                                LeadModel[] withoutMet) {
        List<ForecastModelFile.Lead> leads = new ArrayList<>();
        for (int lead = 1; lead <= MAX_LEAD; lead++) {
            leads.add(new ForecastModelFile.Lead(pollutant, issueHour, lead, fitOf(withMet[lead]),
                    fitOf(withoutMet[lead])));
        }
        return leads;
    }

    private static ForecastModelFile.Fit fitOf(LeadModel m) {
        Map<String, Double> coefficients = new LinkedHashMap<>();
        Map<String, Double> means = new LinkedHashMap<>();
        for (int i = 0; i < m.predictors().size(); i++) {
            coefficients.put(m.predictors().get(i), m.coefficients()[i]);
            means.put(m.predictors().get(i), m.means()[i]);
        }
        return new ForecastModelFile.Fit(m.trainingSamples(), m.intercept(), coefficients, means,
                Arrays.stream(m.residualQuantiles()).boxed().toList(), fileOf(m.above200()), fileOf(m.above300()));
    }

    private static ForecastModelFile.Calibration fileOf(LeadModel.Calibration c) {
        return new ForecastModelFile.Calibration(c.intercept(), c.slope(), c.decision());
    }

    public String id() {
        return file.id();
    }

    public String version() {
        return version;
    }

    /** Whether its wind and precipitation predictors are in the units weather forecasts give. */
    public boolean usesStationMeteorology() {
        return InputFormat.STATION_METEOROLOGY.equals(file.meteorology());
    }

    public ForecastModelFile file() {
        return file;
    }

    public Predictors.HeatingSeason heating() {
        return heating;
    }

    /** The issue hours it was fitted for, increasing; 24 is always among them. */
    public List<Integer> issueHours() {
        return file.issueHours();
    }

    /** The pollutants it forecasts, PM2.5 first. */
    public List<ForecastPollutant> pollutants() {
        return file.pollutants();
    }

    public LeadModel lead(ForecastPollutant pollutant, int issueHour, int lead, Predictors.MetMode mode) {
        return fits.get(pollutant).get(issueHour).get(mode)[lead];
    }
}
