package io.airwarn.accountability;

import io.airwarn.audit.AuditLog;
import io.airwarn.city.Cities;
import io.airwarn.city.City;
import io.airwarn.core.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Progress against the provincial targets from the stored observations. The province's statistic is the mean of
 * the units' valid statistics (it says how many units it averages).
 */
@ApplicationScoped
public class TargetService {

    /** A year's progress on every target, and where the targets come from. */
    public record Report(String source, int year, List<Progress> progress) {
    }

    /** An official's baseline value and the document it comes from. */
    public record Baseline(String unit, String pollutant, Integer year, Double value, String source) {
    }

    private final Targets targets;
    private final DailyValuesStore store;
    private final Cities cities;
    private final Pool pool;
    private final AuditLog audit;
    private final Clock clock;

    TargetService(Targets targets, DailyValuesStore store, Cities cities, Pool pool, AuditLog audit, Clock clock) {
        this.clock = clock;
        this.targets = targets;
        this.store = store;
        this.cities = cities;
        this.pool = pool;
        this.audit = audit;
    }

    public Uni<Report> report(int year) {
        Period now = Period.parse(Integer.toString(year));
        Period before = now.yearEarlier();
        Uni<Map<String, Double>> baselines = pool.query("SELECT unit, pollutant, year, value FROM target_baseline")
                .execute().map(rows -> {
                    Map<String, Double> map = new HashMap<>();
                    rows.forEach(r -> map.put(key(r.getString(0), r.getString(1), r.getInteger(2)), r.getDouble(3)));
                    return map;
                });
        return Uni.combine().all().unis(store.byUnit(before.from(), now.to()), baselines,
                store.flagged(now.from(), now.to())).asTuple().map(t -> {
            Map<String, PeriodStatistics> thisYear = statistics(now, t.getItem1(), t.getItem3());
            Map<String, PeriodStatistics> lastYear = statistics(before, t.getItem1(), Map.of());
            List<Progress> progress = new ArrayList<>();
            for (Target target : targets.targets()) {
                Target withBaseline = target.baselineValue() != null || target.baselineYear() == null ? target
                        : target.withBaseline(t.getItem2().get(key(target.unit(), target.pollutant().name(),
                                target.baselineYear())));
                progress.add(Progress.of(withBaseline, year, value(thisYear, target), value(lastYear, target)));
            }
            return new Report(targets.source(), year, progress);
        });
    }

    /** Stores (or corrects) a baseline, with an audit record; it must belong to a REDUCTION target. */
    public Uni<Baseline> enterBaseline(Baseline b, String actor) {
        boolean known = b != null && targets.targets().stream().anyMatch(t -> t.kind() == Target.Kind.REDUCTION
                && t.unit().equals(b.unit()) && t.pollutant().name().equals(b.pollutant())
                && t.baselineYear().equals(b.year()));
        if (!known) {
            throw ApiException.badRequest("invalid_baseline", "unit, pollutant and year must name a REDUCTION "
                    + "target's baseline in config/targets.yaml");
        }
        if (b.value() == null || !(b.value() > 0 && b.value() < 2000) || b.source() == null || b.source().isBlank()) {
            throw ApiException.badRequest("invalid_baseline", "value must lie between 0 and 2000 (μg/m³, CO mg/m³) "
                    + "and source must name the document it comes from");
        }
        return pool.withTransaction(c -> c.preparedQuery("""
                        INSERT INTO target_baseline (unit, pollutant, year, value, source, entered_by, entered_at)
                        VALUES ($1, $2, $3, $4, $5, $6, $7)
                        ON CONFLICT (unit, pollutant, year) DO UPDATE SET value = EXCLUDED.value,
                            source = EXCLUDED.source, entered_by = EXCLUDED.entered_by, entered_at = EXCLUDED.entered_at""")
                .execute(Tuple.from(List.of(b.unit(), b.pollutant(), b.year(), b.value(), b.source().strip(), actor,
                        OffsetDateTime.now(clock))))
                .chain(() -> audit.append(c, new AuditLog.Entry(actor, "target.baseline", "target_baseline",
                        b.unit() + "/" + b.pollutant() + "/" + b.year(), null, b.value() + " from " + b.source(),
                        null)))).replaceWith(b);
    }

    private Map<String, PeriodStatistics> statistics(Period period, Map<String, List<DailyValues>> days,
                                                     Map<String, Map<Statistic, Long>> flagged) {
        Map<String, PeriodStatistics> map = new HashMap<>();
        for (City c : cities.all()) {
            map.put(c.code(), PeriodStatistics.of(c.code(), period, days.getOrDefault(c.code(), List.of()),
                    flagged.getOrDefault(c.code(), Map.of())));
        }
        return map;
    }

    private static PeriodStatistics.Value value(Map<String, PeriodStatistics> byUnit, Target t) {
        if (!t.unit().equals(Target.PROVINCE)) {
            PeriodStatistics s = byUnit.get(t.unit());
            return s == null ? null : s.pollutants().get(t.pollutant());
        }
        List<Double> valid = byUnit.values().stream().map(s -> s.pollutants().get(t.pollutant()))
                .filter(v -> v.valid() && v.value() != null).map(PeriodStatistics.Value::value).toList();
        double mean = valid.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        return new PeriodStatistics.Value(valid.isEmpty() ? null : Math.round(mean * 10) / 10.0, valid.size(),
                byUnit.size(), !valid.isEmpty(), "mean of " + valid.size() + " units' " + t.pollutant().method(),
                byUnit.values().stream().mapToLong(s -> s.pollutants().get(t.pollutant()).flaggedValues()).sum());
    }

    private static String key(String unit, String pollutant, int year) {
        return unit + "/" + pollutant + "/" + year;
    }
}
