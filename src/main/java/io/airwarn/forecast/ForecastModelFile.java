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
@JsonPropertyOrder({"id", "type", "formatVersion", "label", "target", "trainingData", "heatingSeason",
    "meteorology", "leads", "validation"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ForecastModelFile(String id, String type, int formatVersion, String label, String target,
                                TrainingData trainingData, String heatingSeason, String meteorology,
                                List<Lead> leads, Validation validation) {

    /** The data the model was fitted on, identified by checksum. */
    @JsonPropertyOrder({"source", "format", "pm25Columns", "files", "from", "to", "days"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TrainingData(String source, String format, List<String> pm25Columns, List<SourceFile> files,
                               String from, String to, int days) {
    }

    public record SourceFile(String name, String sha256) {
    }

    /** Both variants of one lead: with the target day's meteorology and without any. */
    @JsonPropertyOrder({"lead", "withMet", "withoutMet"})
    public record Lead(int lead, Fit withMet, Fit withoutMet) {
    }

    /** One least-squares fit on ln(1 + PM2.5); residual percentiles 1..99 in ln units. */
    @JsonPropertyOrder({"samples", "intercept", "coefficients", "predictorMeans", "residualPercentiles"})
    public record Fit(int samples, double intercept, Map<String, Double> coefficients,
                      Map<String, Double> predictorMeans, List<Double> residualPercentiles) {
    }

    /** Rolling-origin skill on days after the training window. */
    @JsonPropertyOrder({"method", "period", "testDays", "leads"})
    public record Validation(String method, String period, int testDays, List<ValidationLead> leads) {
    }

    @JsonPropertyOrder({"lead", "met", "rmse", "persistenceRmse", "csiAbove200", "persistenceCsiAbove200",
        "brierSkillAbove200"})
    public record ValidationLead(int lead, String met, Double rmse, Double persistenceRmse, Double csiAbove200,
                                 Double persistenceCsiAbove200, Double brierSkillAbove200) {
    }
}
