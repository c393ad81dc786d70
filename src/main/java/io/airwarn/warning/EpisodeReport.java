package io.airwarn.warning;

import io.airwarn.core.WarningLevel;
import io.airwarn.plan.Emissions;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The post-episode assessment of a warning: duration and levels, observed AQI against the forecast at issue, lead
 * time, orders issued, estimated emission cuts from the plan, and a short narrative. {@code complete} is false while
 * the warning is still in force (an interim report).
 */
public record EpisodeReport(long warningId, String city, boolean exercise, boolean complete, String issuedAt,
                            String liftedAt, double durationHours, List<Period> levels, String onset,
                            double leadTimeHours, Observed observed, List<ForecastCheck> forecastAtIssue,
                            Map<String, Map<String, Long>> orders, String deliveryAndAcknowledgement,
                            Map<Emissions.Pollutant, Double> estimatedCutTonnes, String narrative) {

    /** A level in force from one time to the next. */
    public record Period(WarningLevel level, String from, String to, double hours) {
    }

    /** The observed daily AQI during the response. */
    public record Observed(int days, Integer peakAqi, String peakDay, Double meanAqi, int daysAbove200) {
    }

    /** The forecast at issue for one day against what was observed. */
    public record ForecastCheck(String date, double forecastAqi, Integer observedAqi) {
    }

    static final String NO_DELIVERY_DATA = "not recorded yet: delivery and acknowledgement come with notifications";

    /**
     * @param periods       levels in force in order; the last one ends at {@code end}
     * @param observed      observed daily AQI by day during the response
     * @param forecast      the forecast at issue: expected AQI by day
     * @param cutPerDay     the plan's mandatory cut per level, t/day
     */
    static EpisodeReport of(Warning w, List<Period> periods, OffsetDateTime end, Map<LocalDate, Integer> observed,
                            Map<LocalDate, Double> forecast, Map<String, Map<String, Long>> orders,
                            Function<WarningLevel, Emissions> cutPerDay) {
        double hours = Duration.between(w.issuedAt(), end).toMinutes() / 60.0;
        List<Integer> values = observed.values().stream().filter(v -> v != null).toList();
        Map.Entry<LocalDate, Integer> peak = observed.entrySet().stream().filter(e -> e.getValue() != null)
                .max(Map.Entry.comparingByValue()).orElse(null);
        Observed seen = new Observed(values.size(), peak == null ? null : peak.getValue(),
                peak == null ? null : peak.getKey().toString(),
                values.isEmpty() ? null : values.stream().mapToInt(Integer::intValue).average().orElseThrow(),
                (int) values.stream().filter(v -> v > 200).count());
        List<ForecastCheck> checks = new ArrayList<>();
        forecast.forEach((day, aqi) -> checks.add(new ForecastCheck(day.toString(), Math.round(aqi * 10) / 10.0,
                observed.get(day))));
        Map<Emissions.Pollutant, Double> cut = new EnumMap<>(Emissions.Pollutant.class);
        for (Emissions.Pollutant p : Emissions.Pollutant.values()) {
            double tonnes = 0;
            for (Period period : periods) {
                tonnes += cutPerDay.apply(period.level()).get(p) * period.hours() / 24;
            }
            cut.put(p, Math.round(tonnes * 100) / 100.0);
        }
        double lead = Duration.between(w.issuedAt(), w.onset()).toMinutes() / 60.0;
        WarningLevel highest = periods.stream().map(Period::level).max(Enum::compareTo).orElse(w.issuedLevel());
        String narrative = String.format("%s%s warning for %s, in force %.0f h (highest level %s), issued %.0f h "
                        + "before the expected onset. Observed: %s day(s) with data, peak AQI %s, %d day(s) above 200. "
                        + "Estimated mandatory cuts over the response: SO2 %.1f t, NOx %.1f t, PM %.1f t, VOCs %.1f t.",
                w.exercise() ? "EXERCISE: " : "", highest, w.city(), hours, highest, lead, seen.days(),
                seen.peakAqi() == null ? "-" : seen.peakAqi(), seen.daysAbove200(), cut.get(Emissions.Pollutant.SO2),
                cut.get(Emissions.Pollutant.NOX), cut.get(Emissions.Pollutant.PM), cut.get(Emissions.Pollutant.VOCS));
        return new EpisodeReport(w.id(), w.city(), w.exercise(), w.state() == WarningState.LIFTED,
                w.issuedAt().toString(), w.liftedAt() == null ? null : w.liftedAt().toString(),
                Math.round(hours * 10) / 10.0, periods, w.onset().toString(), Math.round(lead * 10) / 10.0, seen, checks,
                orders, NO_DELIVERY_DATA, cut, narrative);
    }
}
