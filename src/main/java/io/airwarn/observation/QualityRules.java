package io.airwarn.observation;

import io.airwarn.aqi.Pollutant;
import io.airwarn.observation.QualityFlag.Reason;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The data-quality rules for station hours (item 40 of the provincial rules: objective, quality-managed data). Pure:
 * the stations of one unit over some hours in, flags out. Thresholds are set so that clean real data are rarely
 * flagged (the rate on the Beijing data is in the README); each flag carries the numbers that tripped it.
 */
public final class QualityRules {

    /** Above these (μg/m³, CO mg/m³) no analyser in a city network reports a real hourly value. */
    static final Map<Pollutant, Double> IMPOSSIBLE_ABOVE = Map.of(Pollutant.PM2_5, 1500.0, Pollutant.PM10, 2000.0,
            Pollutant.SO2, 2000.0, Pollutant.NO2, 1000.0, Pollutant.CO, 60.0, Pollutant.O3, 1000.0);
    /** How far a spike stands above its neighbours, at least (and at least SPIKE_RATIO times them). */
    static final Map<Pollutant, Double> SPIKE_JUMP = Map.of(Pollutant.PM2_5, 150.0, Pollutant.PM10, 200.0,
            Pollutant.SO2, 100.0, Pollutant.NO2, 100.0, Pollutant.CO, 3.0, Pollutant.O3, 150.0);
    /** Values at or below these are near the analysers' floor, where repeats are normal. */
    static final Map<Pollutant, Double> STUCK_FLOOR = Map.of(Pollutant.PM2_5, 10.0, Pollutant.PM10, 20.0,
            Pollutant.SO2, 10.0, Pollutant.NO2, 10.0, Pollutant.CO, 0.5, Pollutant.O3, 10.0);
    static final double SPIKE_RATIO = 3.0;
    static final int STUCK_HOURS = 8;
    /** PM2.5 may exceed PM10 by measurement noise: by more than 10 % and 15 μg/m³ it is a fault. */
    static final double PM_MARGIN_SHARE = 0.10;
    static final double PM_MARGIN_MIN = 15.0;

    private QualityRules() {
    }

    public static List<QualityFlag> check(Map<String, List<HourlyObservation>> byStation) {
        List<QualityFlag> flags = new ArrayList<>();
        Map<LocalDateTime, Map<String, HourlyObservation>> byHour = new HashMap<>();
        byStation.forEach((station, rows) -> rows.forEach(o -> byHour.computeIfAbsent(o.hour(), h -> new HashMap<>())
                .put(station, o)));
        byStation.forEach((station, rows) -> {
            List<HourlyObservation> sorted = rows.stream()
                    .sorted(Comparator.comparing(HourlyObservation::hour)).toList();
            for (Pollutant p : Pollutant.values()) {
                impossible(station, sorted, p, flags);
                stuck(station, sorted, p, flags);
                spikes(station, sorted, p, byHour, flags);
            }
            pmOrder(station, sorted, flags);
        });
        return flags;
    }

    private static void impossible(String station, List<HourlyObservation> rows, Pollutant p,
                                   List<QualityFlag> flags) {
        for (HourlyObservation o : rows) {
            Double v = value(o, p);
            if (v != null && (v < 0 || v > IMPOSSIBLE_ABOVE.get(p))) {
                flags.add(new QualityFlag(station, o.hour(), p, Reason.IMPOSSIBLE, String.format(Locale.ROOT,
                        "%s %s outside 0..%s", p, number(v), number(IMPOSSIBLE_ABOVE.get(p)))));
            }
        }
    }

    private static void pmOrder(String station, List<HourlyObservation> rows, List<QualityFlag> flags) {
        for (HourlyObservation o : rows) {
            if (o.pm2_5() != null && o.pm10() != null && o.pm2_5() >= 0 && o.pm10() >= 0
                    && o.pm2_5() > o.pm10() + Math.max(PM_MARGIN_MIN, PM_MARGIN_SHARE * o.pm10())) {
                String detail = String.format(Locale.ROOT, "PM2.5 %s > PM10 %s", number(o.pm2_5()), number(o.pm10()));
                flags.add(new QualityFlag(station, o.hour(), Pollutant.PM2_5, Reason.PM25_ABOVE_PM10, detail));
                flags.add(new QualityFlag(station, o.hour(), Pollutant.PM10, Reason.PM25_ABOVE_PM10, detail));
            }
        }
    }

    /** Runs of at least STUCK_HOURS consecutive hours with the same value above the floor. */
    private static void stuck(String station, List<HourlyObservation> rows, Pollutant p, List<QualityFlag> flags) {
        int start = 0;
        for (int i = 1; i <= rows.size(); i++) {
            boolean continues = i < rows.size() && value(rows.get(i), p) != null
                    && value(rows.get(i), p).equals(value(rows.get(start), p))
                    && rows.get(i).hour().equals(rows.get(i - 1).hour().plusHours(1));
            if (!continues) {
                Double v = value(rows.get(start), p);
                if (v != null && i - start >= STUCK_HOURS && v > STUCK_FLOOR.get(p)) {
                    for (int k = start; k < i; k++) {
                        flags.add(new QualityFlag(station, rows.get(k).hour(), p, Reason.STUCK, String.format(
                                Locale.ROOT, "%s %s for %d hours from %s", p, number(v), i - start,
                                rows.get(start).hour())));
                    }
                }
                start = i;
            }
        }
    }

    /** A value far above both neighbouring hours and the unit's other stations in that hour. */
    private static void spikes(String station, List<HourlyObservation> rows, Pollutant p,
                               Map<LocalDateTime, Map<String, HourlyObservation>> byHour, List<QualityFlag> flags) {
        for (int i = 1; i + 1 < rows.size(); i++) {
            HourlyObservation o = rows.get(i);
            Double v = value(o, p);
            Double before = value(rows.get(i - 1), p);
            Double after = value(rows.get(i + 1), p);
            if (v == null || before == null || after == null
                    || !rows.get(i - 1).hour().equals(o.hour().minusHours(1))
                    || !rows.get(i + 1).hour().equals(o.hour().plusHours(1))) {
                continue;
            }
            double around = Math.max(before, after);
            if (!far(v, around, p)) {
                continue;
            }
            double[] others = byHour.get(o.hour()).entrySet().stream().filter(e -> !e.getKey().equals(station))
                    .map(e -> value(e.getValue(), p)).filter(x -> x != null).mapToDouble(Double::doubleValue)
                    .sorted().toArray();
            if (others.length >= 2 && far(v, median(others), p)) {
                flags.add(new QualityFlag(station, o.hour(), p, Reason.SPIKE, String.format(Locale.ROOT,
                        "%s %s; hours around %s and %s; other stations' median %s", p, number(v), number(before),
                        number(after), number(median(others)))));
            }
        }
    }

    private static boolean far(double v, double reference, Pollutant p) {
        return v > SPIKE_RATIO * Math.max(reference, 0) && v - reference > SPIKE_JUMP.get(p);
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static Double value(HourlyObservation o, Pollutant p) {
        return switch (p) {
            case PM2_5 -> o.pm2_5();
            case PM10 -> o.pm10();
            case SO2 -> o.so2();
            case NO2 -> o.no2();
            case CO -> o.co();
            case O3 -> o.o3();
        };
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
