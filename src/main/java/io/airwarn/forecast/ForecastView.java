package io.airwarn.forecast;

import io.airwarn.aqi.AqiCategory;
import io.airwarn.aqi.CategoryView;
import io.airwarn.core.BeijingTime;
import java.time.LocalDate;
import java.util.List;

/**
 * A stored forecast as the API shows it. {@code dataUntil} is the end of the data it used (the issue time on the
 * issue day, or midnight after {@code dataThrough}); {@code stale} is true when the newest data are older than the
 * day before the issue day (the forecast then starts from old data, as with the demo replay). Times are Beijing time.
 */
public record ForecastView(String city, String issuedAt, String dataThrough, String dataUntil, boolean stale,
                           Model model, String trigger, boolean demo, List<Day> days) {

    public record Model(String id, String version, String label) {
    }

    /**
     * One lead. {@code aqi} is the expected AQI rounded up (as AQI values are), {@code interval} the 80 % interval,
     * {@code meteorology} "forecast" when a weather forecast for the day was used, else "none";
     * {@code saysAbove200} whether the model calls the day above 200: some pollutant's fit says so, its probability
     * reaching the fit's decision, fitted on its training days, or, where that is null (a fit without the skill to
     * decide on its probability), its expected sub-index being above 200. {@code pAbove200} is the highest of the
     * pollutants' probabilities, {@code primaryPollutant} the one with the highest expected sub-index, and
     * {@code pollutants} each pollutant's own forecast.
     */
    public record Day(int lead, String date, int aqi, double expectedAqi, Interval interval, double pAbove200,
                      double pAbove300, double pAtLeast500, boolean saysAbove200, boolean saysAbove300,
                      ForecastPollutant primaryPollutant, String primaryPollutantLabel,
                      List<PollutantForecastView> pollutants, CategoryView category, String meteorology) {
    }

    public record Interval(int low, int high) {
    }

    static ForecastView of(ForecastRun run) {
        LocalDate issueDay = run.issuedAt.atZoneSameInstant(BeijingTime.ZONE).toLocalDate();
        List<Day> days = run.days.stream().map(d -> {
            int aqi = (int) Math.ceil(d.expectedAqi);
            return new Day(d.lead, d.targetDay.toString(), aqi, Math.round(d.expectedAqi * 10) / 10.0,
                    new Interval(d.lowAqi, d.highAqi), PollutantForecastView.round(d.pAbove200, 1000),
                    PollutantForecastView.round(d.pAbove300, 1000), PollutantForecastView.round(d.pAtLeast500, 1000),
                    d.saysAbove200, d.saysAbove300, ForecastPollutant.valueOf(d.primaryPollutant),
                    ForecastPollutant.valueOf(d.primaryPollutant).label(), PollutantForecastView.listOf(d.subIndices),
                    CategoryView.of(AqiCategory.of(aqi)), d.meteorology);
        }).toList();
        return new ForecastView(run.cityCode, run.issuedAt.atZoneSameInstant(BeijingTime.ZONE).toOffsetDateTime()
                .toString(), run.dataThrough.toString(), BeijingTime.toOffset(run.dataThrough.atStartOfDay()
                .plusHours(run.issueHour)).toString(), run.dataThrough.isBefore(issueDay.minusDays(1)),
                new Model(run.modelId, run.modelVersion, run.modelLabel), run.trigger, run.demo, days);
    }
}
