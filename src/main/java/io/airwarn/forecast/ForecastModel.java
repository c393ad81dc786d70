package io.airwarn.forecast;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fitted forecast model ready to use: for each lead 1..7, a fit with the target day's meteorology and one
 * without. Built from a {@link ForecastModelFile} only after every part of it has been checked.
 */
public final class ForecastModel {

    public static final int MAX_LEAD = 7;
    static final String TYPE = "log-linear-ols";
    static final int FORMAT_VERSION = 1;

    private final ForecastModelFile file;
    private final String version;
    private final Predictors.HeatingSeason heating;
    private final Map<Predictors.MetMode, LeadModel[]> fits = new EnumMap<>(Predictors.MetMode.class);

    private ForecastModel(ForecastModelFile file, String version) {
        this.file = file;
        this.version = version;
        this.heating = Predictors.HeatingSeason.parse(file.heatingSeason());
        for (Predictors.MetMode mode : Predictors.MetMode.values()) {
            fits.put(mode, new LeadModel[MAX_LEAD + 1]);
        }
        for (ForecastModelFile.Lead lead : file.leads()) {
            fits.get(Predictors.MetMode.TARGET_DAY)[lead.lead()] =
                    toLeadModel(lead.withMet(), Predictors.MetMode.TARGET_DAY, lead.lead(), heating);
            fits.get(Predictors.MetMode.NONE)[lead.lead()] =
                    toLeadModel(lead.withoutMet(), Predictors.MetMode.NONE, lead.lead(), heating);
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
            throw new IllegalArgumentException("type must be " + TYPE + " with formatVersion " + FORMAT_VERSION);
        }
        if (file.leads() == null || file.leads().size() != MAX_LEAD) {
            throw new IllegalArgumentException("leads 1.." + MAX_LEAD + " are needed");
        }
        for (int i = 0; i < MAX_LEAD; i++) {
            if (file.leads().get(i).lead() != i + 1) {
                throw new IllegalArgumentException("leads must be listed 1.." + MAX_LEAD + " in order");
            }
        }
        return new ForecastModel(file, version);
    }

    private static LeadModel toLeadModel(ForecastModelFile.Fit fit, Predictors.MetMode mode, int lead,
                                         Predictors.HeatingSeason heating) {
        String where = "lead " + lead + (mode == Predictors.MetMode.TARGET_DAY ? " withMet" : " withoutMet") + ": ";
        if (fit == null || fit.coefficients() == null || fit.predictorMeans() == null
                || fit.residualPercentiles() == null) {
            throw new IllegalArgumentException(where + "coefficients, predictorMeans and residualPercentiles are needed");
        }
        List<String> names = Predictors.names(mode, heating);
        if (!new ArrayList<>(fit.coefficients().keySet()).equals(names)
                || !new ArrayList<>(fit.predictorMeans().keySet()).equals(names)) {
            throw new IllegalArgumentException(where + "the predictors must be exactly " + names);
        }
        try {
            return new LeadModel(names, fit.intercept(), values(fit.coefficients(), names),
                    values(fit.predictorMeans(), names),
                    fit.residualPercentiles().stream().mapToDouble(Double::doubleValue).toArray(), fit.samples());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(where + (e.getMessage() == null ? "a value is missing" : e.getMessage()));
        }
    }

    private static double[] values(Map<String, Double> byName, List<String> names) {
        return names.stream().mapToDouble(byName::get).toArray();
    }

    /** The file form of fitted lead models: index 1..7 of each array. */
    static List<ForecastModelFile.Lead> leadsOf(LeadModel[] withMet, LeadModel[] withoutMet) {
        List<ForecastModelFile.Lead> leads = new ArrayList<>();
        for (int lead = 1; lead <= MAX_LEAD; lead++) {
            leads.add(new ForecastModelFile.Lead(lead, fitOf(withMet[lead]), fitOf(withoutMet[lead])));
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
                java.util.Arrays.stream(m.residualQuantiles()).boxed().toList());
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

    public LeadModel lead(int lead, Predictors.MetMode mode) {
        return fits.get(mode)[lead];
    }
}
