package io.airwarn.forecast;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.airwarn.aqi.AqiCategory;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * Verification scores of a set of forecasts. Undefined scores (no events, no forecasts) are null.
 * levelAccuracy: share of days whose forecast AQI (rounded up) falls in the observed category; interval80Coverage:
 * share of days whose observed AQI lies in the forecast's 80 % interval (null without intervals). above200 and
 * above300 score the forecasts' own yes/no (a model's decision on its probability); above200Point and above300Point
 * the same days' point forecasts (forecast AQI above the threshold); reliabilityAbove200 the reliability diagram of
 * P(AQI > 200).
 */
@JsonPropertyOrder({"n", "rmse", "mae", "r2", "bias", "levelAccuracy", "interval80Coverage", "above200",
    "above200Point", "above300", "above300Point", "reliabilityAbove200"})
public record Score(int n, Double rmse, Double mae, Double r2, Double bias, Double levelAccuracy,
                    Double interval80Coverage, Exceedance above200, Exceedance above200Point, Exceedance above300,
                    Exceedance above300Point, List<ReliabilityBin> reliabilityAbove200) {

    /**
     * The yes/no and probability scores for one threshold. POD = hits/(hits+misses), FAR =
     * falseAlarms/(hits+falseAlarms), CSI = hits/(hits+misses+falseAlarms); Brier on the probability;
     * brierSkill = 1 - Brier / Brier of climatology on the same days.
     */
    @JsonPropertyOrder({"hits", "misses", "falseAlarms", "pod", "far", "csi", "brier", "brierSkill"})
    public record Exceedance(int hits, int misses, int falseAlarms, Double pod, Double far, Double csi, Double brier,
                             Double brierSkill) {
        Exceedance withoutSkill() {
            return new Exceedance(hits, misses, falseAlarms, pod, far, csi, brier, null);
        }
    }

    /**
     * @param predictions  the forecasts
     * @param climatology  climatology's forecasts of the same days, the reference of the Brier skill
     */
    public static Score of(List<Prediction> predictions, List<Prediction> climatology) {
        int n = predictions.size();
        if (n == 0) {
            Exceedance none = new Exceedance(0, 0, 0, null, null, null, null, null);
            return new Score(0, null, null, null, null, null, null, none, none, none, none,
                    ReliabilityBin.of(predictions, 200, Prediction::pAbove200));
        }
        double sse = 0;
        double sae = 0;
        double bias = 0;
        double meanObserved = predictions.stream().mapToDouble(Prediction::observedAqi).average().orElseThrow();
        double sst = 0;
        int sameLevel = 0;
        int withInterval = 0;
        int covered = 0;
        for (Prediction p : predictions) {
            if (p.lowAqi() != null) {
                withInterval++;
                covered += p.observedAqi() >= p.lowAqi() && p.observedAqi() <= p.highAqi() ? 1 : 0;
            }
            double error = p.forecastAqi() - p.observedAqi();
            sse += error * error;
            sae += Math.abs(error);
            bias += error;
            sst += Math.pow(p.observedAqi() - meanObserved, 2);
            if (AqiCategory.of((int) Math.ceil(p.forecastAqi())) == AqiCategory.of(p.observedAqi())) {
                sameLevel++;
            }
        }
        return new Score(n, Math.sqrt(sse / n), sae / n, sst == 0 ? null : 1 - sse / sst, bias / n,
                (double) sameLevel / n, withInterval == 0 ? null : (double) covered / withInterval,
                exceedance(predictions, climatology, 200, Prediction::says200, Prediction::pAbove200),
                exceedance(predictions, climatology, 200, Prediction::pointSays200, Prediction::pAbove200),
                exceedance(predictions, climatology, 300, Prediction::says300, Prediction::pAbove300),
                exceedance(predictions, climatology, 300, Prediction::pointSays300, Prediction::pAbove300),
                ReliabilityBin.of(predictions, 200, Prediction::pAbove200));
    }

    /** The same scores without Brier skill, for when no climatology is available. */
    public Score withoutBrierSkill() {
        return new Score(n, rmse, mae, r2, bias, levelAccuracy, interval80Coverage, above200.withoutSkill(),
                above200Point.withoutSkill(), above300.withoutSkill(), above300Point.withoutSkill(), reliabilityAbove200);
    }

    static Exceedance exceedance(List<Prediction> predictions, List<Prediction> climatology, int threshold,
                                 Predicate<Prediction> saysAbove, ToDoubleFunction<Prediction> probability) {
        int hits = 0;
        int misses = 0;
        int falseAlarms = 0;
        for (Prediction p : predictions) {
            boolean forecast = saysAbove.test(p);
            boolean observed = p.observedAqi() > threshold;
            if (forecast && observed) {
                hits++;
            } else if (observed) {
                misses++;
            } else if (forecast) {
                falseAlarms++;
            }
        }
        double brier = brier(predictions, threshold, probability);
        double reference = brier(climatology, threshold, probability);
        return new Exceedance(hits, misses, falseAlarms, ratio(hits, hits + misses), ratio(falseAlarms,
                hits + falseAlarms), ratio(hits, hits + misses + falseAlarms), brier,
                reference == 0 ? null : 1 - brier / reference);
    }

    static double brier(List<Prediction> predictions, int threshold, ToDoubleFunction<Prediction> probability) {
        double sum = 0;
        for (Prediction p : predictions) {
            double outcome = p.observedAqi() > threshold ? 1 : 0;
            sum += Math.pow(probability.applyAsDouble(p) - outcome, 2);
        }
        return predictions.isEmpty() ? Double.NaN : sum / predictions.size();
    }

    private static Double ratio(int numerator, int denominator) {
        return denominator == 0 ? null : (double) numerator / denominator;
    }
}
