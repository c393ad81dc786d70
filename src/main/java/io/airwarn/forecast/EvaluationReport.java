package io.airwarn.forecast;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The JSON report of {@code evaluate}: the pollutants whose highest sub-index is the daily AQI forecast and scored,
 * and one object per lead with the model and the two references.
 */
@JsonPropertyOrder({"input", "format", "pm25Columns", "pollutants", "trainUntil", "issueHour", "met", "metNote", "heatingSeason",
    "decisionProbability", "testDays", "leads"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvaluationReport(String input, String format, List<String> pm25Columns,
                               List<ForecastPollutant> pollutants, String trainUntil, int issueHour, String met,
                               String metNote, String heatingSeason, Double decisionProbability, int testDays,
                               List<RollingOriginEvaluation.LeadScores> leads) {

    static final String PERFECT_NOTE = "perfect prognosis: the target day's observed meteorology stands in for a "
            + "weather forecast, so these scores are an upper bound for forecasts made with real weather forecasts";
    static final String NONE_NOTE = "no meteorology after the issue time";
}
