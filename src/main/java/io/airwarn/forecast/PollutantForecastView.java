package io.airwarn.forecast;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * One pollutant's part of a stored forecast day, as stored (JSON text in {@code forecast_day.sub_indices}) and shown:
 * its expected sub-index, the probabilities of the sub-index above 200 and 300, the probabilities at which its fit
 * says "above" (null where the expected sub-index decides) and what it says.
 */
public record PollutantForecastView(ForecastPollutant pollutant, String label, double expectedSubIndex,
                                    double pAbove200, double pAbove300, Double decisionAbove200,
                                    Double decisionAbove300, boolean saysAbove200, boolean saysAbove300) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static PollutantForecastView of(ForecastDistribution.SubIndexForecast s) {
        return new PollutantForecastView(s.pollutant(), s.pollutant().label(), round(s.expectedSubIndex(), 10),
                round(s.pAbove200(), 1000), round(s.pAbove300(), 1000), s.decision200(), s.decision300(),
                s.says200(), s.says300());
    }

    static String toJson(List<ForecastDistribution.SubIndexForecast> subIndices) {
        try {
            return JSON.writeValueAsString(subIndices.stream().map(PollutantForecastView::of).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored list; rows written before labels were stored get them from the pollutant. */
    static List<PollutantForecastView> listOf(String json) {
        try {
            List<PollutantForecastView> stored = JSON.readValue(json, new TypeReference<>() { });
            return stored.stream().map(p -> new PollutantForecastView(p.pollutant, p.pollutant.label(),
                    p.expectedSubIndex, p.pAbove200, p.pAbove300, p.decisionAbove200, p.decisionAbove300,
                    p.saysAbove200, p.saysAbove300)).toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("forecast_day.sub_indices is not the stored JSON: " + e.getMessage());
        }
    }

    static double round(double value, int per) {
        return Math.round(value * per) / (double) per;
    }
}
