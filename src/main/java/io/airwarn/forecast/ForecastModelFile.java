package io.airwarn.forecast;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * The YAML form of a fitted model in {@code forecast-models/}: what it is, what it was fitted on, its coefficients
 * and error distribution per lead and meteorology mode, and how well it verified. Read and written by
 * {@link ForecastModels}.
 */
@JsonPropertyOrder({"id", "type", "formatVersion", "label", "scope", "target", "trainingData", "heatingSeason",
    "meteorology", "pollutants", "issueHours", "leads", "validation"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ForecastModelFile(String id, String type, int formatVersion, String label, String scope, String target,
                                TrainingData trainingData, String heatingSeason, String meteorology,
                                List<ForecastPollutant> pollutants, List<Integer> issueHours, List<Lead> leads,
                                Validation validation) {

    /** {@code unit}: one unit's own stored data; {@code regional}: several units' together; {@code external}: files. */
    public static final List<String> SCOPES = List.of("unit", "regional", "external");

    /** The data the model was fitted on, identified by checksum, and for a regional model the units pooled. */
    @JsonPropertyOrder({"source", "format", "pm25Columns", "files", "units", "from", "to", "days"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TrainingData(String source, String format, List<String> pm25Columns, List<SourceFile> files,
                               List<String> units, String from, String to, int days) {
    }

    public record SourceFile(String name, String sha256) {
    }

    /** Both variants of one pollutant, issue hour and lead: with the target day's meteorology and without any. */
    @JsonPropertyOrder({"pollutant", "issueHour", "lead", "withMet", "withoutMet"})
    public record Lead(ForecastPollutant pollutant, int issueHour, int lead, Fit withMet, Fit withoutMet) {
    }

    /**
     * One least-squares fit on ln(1 + concentration); out-of-fold residual percentiles 1..99 in ln units; the
     * calibration of P(sub-index > 200) and P(sub-index > 300) and the probability at which the model says "above".
     */
    @JsonPropertyOrder({"samples", "intercept", "coefficients", "predictorMeans", "residualPercentiles", "above200",
        "above300"})
    public record Fit(int samples, double intercept, Map<String, Double> coefficients,
                      Map<String, Double> predictorMeans, List<Double> residualPercentiles, Calibration above200,
                      Calibration above300) {
    }

    /** Logistic calibration on the predicted ln(1 + concentration) (absent with too few training events) and decision. */
    @JsonPropertyOrder({"intercept", "slope", "decision"})
    public record Calibration(Double intercept, Double slope, Double decision) {
    }

    /** Rolling-origin skill of the full AQI forecast on days after the training window. */
    @JsonPropertyOrder({"method", "period", "testDays", "leads"})
    public record Validation(String method, String period, int testDays, List<ValidationLead> leads) {
    }

    @JsonPropertyOrder({"issueHour", "lead", "met", "rmse", "persistenceRmse", "csiAbove200", "persistenceCsiAbove200",
        "brierSkillAbove200"})
    public record ValidationLead(int issueHour, int lead, String met, Double rmse, Double persistenceRmse,
                                 Double csiAbove200, Double persistenceCsiAbove200, Double brierSkillAbove200) {
    }
}
