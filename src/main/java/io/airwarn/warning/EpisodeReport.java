package io.airwarn.warning;

import io.airwarn.compliance.ComplianceService;
import io.airwarn.core.BeijingTime;
import io.airwarn.core.WarningLevel;
import io.airwarn.notify.DeliveryReport;
import io.airwarn.plan.Emissions;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The post-episode assessment of a warning: when its response was in force at which level, observed AQI against
 * the forecast at issue, lead time, orders issued and how they were delivered and acknowledged, estimated emission
 * cuts from the plan over the hours in force, and a short narrative in Chinese. {@code complete} is false while the
 * warning is still in force (an interim report). Times are Beijing time with the offset.
 */
public record EpisodeReport(long warningId, String city, String cityName, boolean exercise, boolean complete,
                            String issuedAt, String liftedAt, double durationHours, List<Period> levels, String onset,
                            double leadTimeHours, Observed observed, List<ForecastCheck> forecastAtIssue,
                            Map<String, Map<String, Long>> orders, Map<String, DeliveryReport.Summary> delivery,
                            Map<Emissions.Pollutant, Double> estimatedCutTonnes, String narrative,
                            ComplianceService.Reductions measured) {

    /** A level in force from one time to the next. */
    public record Period(WarningLevel level, String from, String to, double hours) {
    }

    /** The observed daily AQI during the response. */
    public record Observed(int days, Integer peakAqi, String peakDay, Double meanAqi, int daysAbove200) {
    }

    /** The forecast at issue for one day against what was observed. */
    public record ForecastCheck(String date, double forecastAqi, Integer observedAqi) {
    }

    /**
     * @param periods       levels in force in order (none if it was lifted before its response began)
     * @param observed      observed daily AQI by day during the response
     * @param forecast      the forecast at issue: expected AQI by day
     * @param cutPerDay     the plan's mandatory cut per level, t/day
     * @param measured      what the enterprises' stack monitors measured, or null
     */
    static EpisodeReport of(Warning w, String cityName, List<Period> periods, Map<LocalDate, Integer> observed,
                            Map<LocalDate, Double> forecast, Map<String, Map<String, Long>> orders,
                            Map<String, DeliveryReport.Summary> delivery, Function<WarningLevel, Emissions> cutPerDay,
                            ComplianceService.Reductions measured) {
        double hours = periods.stream().mapToDouble(Period::hours).sum();
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
        String narrative = narrative(w, cityName, periods, hours, lead, seen, cut);
        return new EpisodeReport(w.id(), w.city(), cityName, w.exercise(), w.state() == WarningState.LIFTED,
                BeijingTime.withOffset(w.issuedAt()), w.liftedAt() == null ? null : BeijingTime.withOffset(w.liftedAt()),
                Math.round(hours * 10) / 10.0, periods, BeijingTime.withOffset(w.onset()), Math.round(lead * 10) / 10.0,
                seen, checks, orders, delivery, cut, narrative, measured);
    }

    private static String narrative(Warning w, String cityName, List<Period> periods, double hours, double lead,
                                    Observed seen, Map<Emissions.Pollutant, Double> cut) {
        String exercise = w.exercise() ? "【演练】" : "";
        String issued = String.format(Locale.ROOT, "于预计开始前 %.0f 小时发布", lead);
        if (periods.isEmpty()) {
            return exercise + cityName + "重污染天气预警" + issued + "，在响应开始前解除，未执行应急减排措施。";
        }
        WarningLevel highest = periods.stream().map(Period::level).max(Enum::compareTo).orElseThrow();
        return String.format(Locale.ROOT, "%s%s重污染天气预警%s，响应共 %.0f 小时（最高%s）。观测：%d 天有数据，"
                        + "AQI 峰值 %s，%d 天超过 200。响应期间估算强制减排：SO2 %.1f 吨、NOx %.1f 吨、颗粒物 %.1f 吨、"
                        + "VOCs %.1f 吨。", exercise, cityName, issued, hours, highest.zh(), seen.days(),
                seen.peakAqi() == null ? "—" : seen.peakAqi(), seen.daysAbove200(), cut.get(Emissions.Pollutant.SO2),
                cut.get(Emissions.Pollutant.NOX), cut.get(Emissions.Pollutant.PM), cut.get(Emissions.Pollutant.VOCS));
    }
}
