package io.airwarn.compliance;

import io.airwarn.city.Cities;
import io.airwarn.city.City;
import io.airwarn.compliance.Curtailment.Status;
import io.airwarn.core.AirWarnConfig;
import io.airwarn.core.ApiException;
import io.airwarn.core.WarningLevel;
import io.airwarn.plan.Emissions;
import io.airwarn.plan.Plan;
import io.airwarn.plan.PlanRegistry;
import io.airwarn.plan.ResponseRecords;
import io.airwarn.plan.ResponseRecords.Activation;
import io.airwarn.plan.ResponseRecords.EnterpriseOrder;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Checks a warning's enterprises against their stack monitors: the baseline is the same hours of the
 * {@code AIRWARN_HJ212_BASELINE_DAYS} before the response (hours of another warning left out), the required cut
 * the plan's reduction for the level in force at each hour, over the enterprise's baseline emissions of SO2, NOx
 * and dust. An enterprise found NOT_COMPLIANT gets one finding per warning, and its supervising unit one enforcement
 * task by SMS, which a duty officer closes with a note.
 */
@ApplicationScoped
public class ComplianceService {

    /** One enterprise of the warning: its verdict and the figures behind it. */
    public record EnterpriseCompliance(EnterpriseOrder order, List<String> stacks, Status status,
                                       Double requiredCut, Double measuredCut, int hours,
                                       List<Curtailment.Hour> hourly, Finding finding, double[] plannedKg) {

        public String id() {
            return order.enterpriseId();
        }

        public String name() {
            return order.enterpriseName();
        }

        public String unit() {
            return order.unit();
        }
    }

    /** An enforcement finding and its task. */
    public record Finding(OffsetDateTime foundAt, String detail, Long taskOrderId, OffsetDateTime closedAt,
                          String closedBy, String note) {
    }

    /** The warning's enterprises by verdict. */
    public record WarningCompliance(long warningId, String unit, Map<Status, Integer> counts,
                                    List<EnterpriseCompliance> enterprises, OffsetDateTime from, OffsetDateTime to) {
    }

    private final ResponseRecords records;
    private final PlanRegistry plans;
    private final StackDevices devices;
    private final StackData data;
    private final Cities cities;
    private final Pool pool;
    private final Clock clock;
    private final int baselineDays;
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    ComplianceService(ResponseRecords records, PlanRegistry plans, StackDevices devices, StackData data, Cities cities,
                      Pool pool, Clock clock, AirWarnConfig config) {
        this.records = records;
        this.plans = plans;
        this.devices = devices;
        this.data = data;
        this.cities = cities;
        this.pool = pool;
        this.clock = clock;
        this.baselineDays = config.hj212().baselineDays();
    }

    /**
     * What the monitors measured over the response: verdicts, the share of the judged enterprises that cut as
     * ordered, and the emissions (SO2, NOx and dust together, t) they avoided against their baselines beside what
     * their orders required over the same valid hours.
     */
    public record Reductions(Map<Status, Integer> counts, Double complianceRate, Map<String, Double> avoidedTonnes,
                             Map<String, Double> plannedTonnes, int measuredEnterprises) {
    }

    /** The pollutants as the report names them, in the order of {@link Curtailment#POLLUTANTS}. */
    static final List<String> POLLUTANT_NAMES = List.of("SO2", "NOx", "PM");

    /** The warning's measured reductions; null when it started no response. */
    public Uni<Reductions> reductions(long warningId) {
        return forWarning(warningId).map(c -> {
            double[] avoided = new double[POLLUTANT_NAMES.size()];
            double[] planned = new double[POLLUTANT_NAMES.size()];
            int measured = 0;
            for (EnterpriseCompliance e : c.enterprises()) {
                measured += e.hours() > 0 ? 1 : 0;
                for (int p = 0; p < avoided.length; p++) {
                    planned[p] += e.plannedKg()[p];
                    for (Curtailment.Hour h : e.hourly()) {
                        avoided[p] += h.avoidedKg()[p];
                    }
                }
            }
            Map<String, Double> avoidedTonnes = new LinkedHashMap<>();
            Map<String, Double> plannedTonnes = new LinkedHashMap<>();
            for (int p = 0; p < avoided.length; p++) {
                avoidedTonnes.put(POLLUTANT_NAMES.get(p), Math.round(avoided[p]) / 1000.0);
                plannedTonnes.put(POLLUTANT_NAMES.get(p), Math.round(planned[p]) / 1000.0);
            }
            int judged = c.counts().get(Status.COMPLIANT) + c.counts().get(Status.NOT_COMPLIANT);
            return new Reductions(c.counts(), judged == 0 ? null : c.counts().get(Status.COMPLIANT) / (double) judged,
                    avoidedTonnes, plannedTonnes, measured);
        }).onFailure(ApiException.class).recoverWithNull();
    }

    /** The enterprise's stacks one by one: each one's emission rate (kg/h) at these hours, null where not valid. */
    public Uni<Map<String, List<Double>>> stackCurves(EnterpriseCompliance e) {
        List<Instant> hours = e.hourly().stream().map(Curtailment.Hour::hour).toList();
        if (hours.isEmpty() || e.stacks().isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return data.hours(e.stacks(), hours.get(0).atOffset(ZoneOffset.UTC),
                hours.get(hours.size() - 1).plus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC)).map(values -> {
                    Map<String, Map<Instant, Double>> rates = Curtailment.stackRates(values);
                    Map<String, List<Double>> curves = new LinkedHashMap<>();
                    for (String mn : e.stacks()) {
                        Map<Instant, Double> r = rates.getOrDefault(mn, Map.of());
                        curves.put(mn, hours.stream().map(r::get).toList());
                    }
                    return curves;
                });
    }

    /** An enterprise's own verdicts in the warnings whose response goes on (for its portal). */
    public Uni<List<EnterpriseCompliance>> ownInResponse(String enterpriseId) {
        return records.warningsInResponse().chain(ids -> {
            Uni<List<EnterpriseCompliance>> all = Uni.createFrom().item(new ArrayList<>());
            for (long id : ids) {
                all = all.chain(list -> forEnterprise(id, enterpriseId).map(c -> {
                    list.addAll(c.enterprises());
                    return list;
                }));
            }
            return all;
        });
    }

    /** @throws ApiException 404 when the warning never activated a plan */
    public Uni<WarningCompliance> forWarning(long warningId) {
        long version = data.version();
        Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS);
        Cached cached = cache.get(warningId);
        if (cached != null && cached.version() == version && cached.hour().equals(hour)) {
            return Uni.createFrom().item(cached.result());
        }
        return check(warningId, null).invoke(result -> {
            if (cache.size() > 100) {
                cache.clear();
            }
            cache.put(warningId, new Cached(version, hour, result));
        });
    }

    /**
     * A warning's verdicts hold until new stack data, a finding or another hour: the public page, the console and
     * the hourly job read them without reading millions of stack hours each time. A level change starts a new
     * activation, whose orders are new; its first read misses here through the finding or data written since,
     * and at the latest with the next hour.
     */
    private record Cached(long version, Instant hour, WarningCompliance result) {
    }

    /** Each unit's share of judged enterprises that cut as ordered, in the warnings whose response goes on. */
    public record UnitRate(String unit, Double rate, int judged, int measured) {
    }

    public Uni<Map<String, UnitRate>> ratesInResponse() {
        return records.warningsInResponse().chain(ids -> {
            Uni<Map<String, UnitRate>> all = Uni.createFrom().item(new HashMap<>());
            for (long id : ids) {
                all = all.chain(map -> forWarning(id).map(c -> {
                    int ok = c.counts().get(Status.COMPLIANT);
                    int judged = ok + c.counts().get(Status.NOT_COMPLIANT);
                    map.put(c.unit(), new UnitRate(c.unit(), judged == 0 ? null : ok / (double) judged, judged,
                            judged + c.counts().get(Status.NO_DATA)));
                    return map;
                }).onFailure(ApiException.class).recoverWithItem(map));
            }
            return all;
        });
    }

    /** The same for one enterprise only (reading its stacks alone): empty enterprises when it has no order. */
    public Uni<WarningCompliance> forEnterprise(long warningId, String enterpriseId) {
        return check(warningId, enterpriseId);
    }

    private Uni<WarningCompliance> check(long warningId, String enterpriseId) {
        return records.ofWarning(warningId).chain(activations -> {
            List<Activation> levels = activations.stream().filter(a -> a.level() != WarningLevel.NONE).toList();
            if (levels.isEmpty()) {
                throw ApiException.notFound("no_response", "warning " + warningId + " has started no response");
            }
            String unit = levels.get(0).unit();
            Instant from = levels.get(0).responseStart().toInstant().truncatedTo(ChronoUnit.HOURS);
            Instant end = activations.stream().filter(a -> a.level() == WarningLevel.NONE)
                    .map(a -> a.responseStart().toInstant()).filter(t -> t.isAfter(from)).findFirst()
                    .orElse(Instant.MAX);
            Instant now = clock.instant().truncatedTo(ChronoUnit.HOURS);
            Instant to = end.isBefore(now) ? end.truncatedTo(ChronoUnit.HOURS) : now;
            Instant baselineFrom = from.minus(Duration.ofDays(baselineDays));
            Plan plan = plans.catalog().plan(unit).map(p -> p.plan()).orElse(null);
            return Uni.combine().all().unis(
                    records.enterpriseOrders(activations.stream().map(Activation::id).toList()),
                    records.ofUnit(unit, from.atOffset(ZoneOffset.UTC)), findings(warningId)).asTuple()
                    .chain(t -> {
                        List<EnterpriseOrder> orders = t.getItem1().stream()
                                .filter(o -> enterpriseId == null || o.enterpriseId().equals(enterpriseId)).toList();
                        List<String> mns = orders.stream().flatMap(o -> devices.ofEnterprise(o.enterpriseId())
                                .stream()).toList();
                        List<Instant[]> otherWarnings = periodsInForce(t.getItem2(), from);
                        return data.baseline(mns, baselineFrom.atOffset(ZoneOffset.UTC), from.atOffset(ZoneOffset.UTC),
                                        hour -> otherWarnings.stream().anyMatch(p -> !hour.isBefore(p[0])
                                                && hour.isBefore(p[1])))
                                .chain(baseline -> data.hours(mns, from.atOffset(ZoneOffset.UTC),
                                        to.atOffset(ZoneOffset.UTC)).map(hours -> evaluate(warningId, unit, plan,
                                        levels, orders, t.getItem3(), baseline, hours, from, to)));
                    });
        });
    }

    private WarningCompliance evaluate(long warningId, String unit, Plan plan, List<Activation> levels,
                                       List<EnterpriseOrder> orders, Map<String, Finding> findings,
                                       Curtailment.Baseline baseline, List<Curtailment.StackHour> hours,
                                       Instant from, Instant to) {
        Map<String, List<Curtailment.StackHour>> response = new HashMap<>();
        for (Curtailment.StackHour h : hours) {
            response.computeIfAbsent(h.mn(), k -> new ArrayList<>()).add(h);
        }
        Map<String, Plan.Enterprise> enterprises = new HashMap<>();
        if (plan != null) {
            plan.enterprises().forEach(e -> enterprises.put(e.id(), e));
        }
        List<EnterpriseCompliance> result = new ArrayList<>();
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            counts.put(s, 0);
        }
        for (EnterpriseOrder o : orders) {
            List<String> stacks = devices.ofEnterprise(o.enterpriseId());
            Plan.Enterprise e = enterprises.get(o.enterpriseId());
            Function<Instant, Double> required = hour -> {
                WarningLevel level = levelAt(levels, hour);
                return level == null || e == null ? null : requiredCut(e, level);
            };
            Curtailment.Result r = Curtailment.check(stacks, baseline, collect(response, stacks), required, from, to);
            WarningLevel current = levels.get(levels.size() - 1).level();
            counts.merge(r.status(), 1, Integer::sum);
            result.add(new EnterpriseCompliance(o, stacks, r.status(),
                    e == null ? null : requiredCut(e, current), r.measuredCut(), r.validHours(), r.hours(),
                    findings.get(o.enterpriseId()), planned(e, levels, r.hours())));
        }
        return new WarningCompliance(warningId, unit, counts, result, from.atOffset(ZoneOffset.UTC),
                to.atOffset(ZoneOffset.UTC));
    }

    private static List<Curtailment.StackHour> collect(Map<String, List<Curtailment.StackHour>> byStack,
                                                       List<String> stacks) {
        List<Curtailment.StackHour> list = new ArrayList<>();
        stacks.forEach(mn -> list.addAll(byStack.getOrDefault(mn, List.of())));
        return list;
    }

    /** The plan's own estimate of the enterprise's cut (kg of SO2, NOx, dust) over the hours with a verdict. */
    private static double[] planned(Plan.Enterprise e, List<Activation> levels, List<Curtailment.Hour> hours) {
        double[] kg = new double[POLLUTANT_NAMES.size()];
        if (e == null) {
            return kg;
        }
        for (Curtailment.Hour h : hours) {
            WarningLevel level = h.verdict() == Curtailment.Verdict.NO_VERDICT ? null : levelAt(levels, h.hour());
            Plan.EnterpriseMeasure m = level == null ? null : e.measure(level);
            if (m != null) {
                // t/day to kg in one hour.
                kg[0] += m.reduction().so2() * 1000 / 24;
                kg[1] += m.reduction().nox() * 1000 / 24;
                kg[2] += m.reduction().pm() * 1000 / 24;
            }
        }
        return kg;
    }

    /** The level in force at an hour: the latest activation started by then. */
    private static WarningLevel levelAt(List<Activation> levels, Instant hour) {
        WarningLevel level = null;
        for (Activation a : levels) {
            if (!a.responseStart().toInstant().isAfter(hour)) {
                level = a.level();
            }
        }
        return level;
    }

    /** The plan's reduction at the level over the baseline, for the pollutants the stack monitors measure. */
    static Double requiredCut(Plan.Enterprise e, WarningLevel level) {
        Plan.EnterpriseMeasure m = e.measure(level);
        Emissions base = e.baseline();
        double monitored = base.so2() + base.nox() + base.pm();
        if (m == null || monitored <= 0) {
            return null;
        }
        Emissions cut = m.reduction();
        return (cut.so2() + cut.nox() + cut.pm()) / monitored;
    }

    /** The unit's responses before {@code before}: their hours are no baseline. */
    private static List<Instant[]> periodsInForce(List<Activation> activations, Instant before) {
        List<Instant[]> periods = new ArrayList<>();
        for (int i = 0; i < activations.size(); i++) {
            Activation a = activations.get(i);
            if (a.level() != WarningLevel.NONE) {
                Instant start = a.responseStart().toInstant();
                Instant end = i + 1 < activations.size() ? activations.get(i + 1).responseStart().toInstant() : before;
                periods.add(new Instant[] {start, end.isAfter(before) ? before : end});
            }
        }
        return periods;
    }

    private Uni<Map<String, Finding>> findings(long warningId) {
        return pool.preparedQuery("SELECT enterprise_id, found_at, detail, task_order_id, closed_at, closed_by, note "
                + "FROM compliance_finding WHERE warning_id = $1").execute(Tuple.of(warningId)).map(rows -> {
                    Map<String, Finding> map = new HashMap<>();
                    rows.forEach(r -> map.put(r.getString(0), new Finding(r.getOffsetDateTime(1), r.getString(2),
                            r.getLong(3), r.getOffsetDateTime(4), r.getString(5), r.getString(6))));
                    return map;
                });
    }

    /**
     * Records a finding and gives the supervising unit an enforcement task for every enterprise found NOT_COMPLIANT
     * that has none yet in this warning; returns how many it created.
     */
    public Uni<Integer> enforce(long warningId) {
        return forWarning(warningId).chain(c -> {
            Uni<Integer> chain = Uni.createFrom().item(0);
            for (EnterpriseCompliance e : c.enterprises()) {
                if (e.status() == Status.NOT_COMPLIANT && e.finding() == null) {
                    chain = chain.chain(n -> task(warningId, e).map(made -> n + made));
                }
            }
            return chain;
        });
    }

    private Uni<Integer> task(long warningId, EnterpriseCompliance e) {
        EnterpriseOrder order = e.order();
        String unitName = cities.find(e.unit()).map(City::nameZh).orElse(e.unit());
        String detail = String.format("%s在%s预警响应期间连续%d小时以上未达到要求的减排比例%s（实测%s）", e.name(),
                order.level().zh(), Curtailment.SHORT_RUN, percent(e.requiredCut()), percent(e.measuredCut()));
        String sms = "【" + unitName + "重污染天气应急指挥部·减排核查】" + detail + "，请现场核查并在工作台报送结果。";
        OffsetDateTime now = OffsetDateTime.now(clock);
        return pool.withTransaction(c -> c.preparedQuery("""
                        INSERT INTO compliance_finding (warning_id, unit, enterprise_id, found_at, detail)
                        VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING warning_id""")
                .execute(Tuple.of(warningId, e.unit(), e.id(), now, detail))
                .chain(rows -> !rows.iterator().hasNext() ? Uni.createFrom().item(0)
                        : records.enforcementTask(c, order, detail, sms).chain(id -> c.preparedQuery(
                                "UPDATE compliance_finding SET task_order_id = $3 WHERE warning_id = $1 "
                                        + "AND enterprise_id = $2").execute(Tuple.of(warningId, e.id(), id)))
                        .replaceWith(1)))
                .invoke(n -> {
                    if (n > 0) {
                        data.changed();
                        Log.warnf("warning %d: %s not cutting as ordered; enforcement task sent", warningId, e.id());
                    }
                });
    }

    /** Closes a finding and its task with what the duty officer found. */
    public Uni<Boolean> close(long warningId, String enterpriseId, String by, String note) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return pool.withTransaction(c -> c.preparedQuery("""
                        UPDATE compliance_finding SET closed_at = $3, closed_by = $4, note = $5
                        WHERE warning_id = $1 AND enterprise_id = $2 AND closed_at IS NULL RETURNING task_order_id""")
                .execute(Tuple.of(warningId, enterpriseId, now, by, note))
                .chain(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Uni.createFrom().item(false);
                    }
                    data.changed();
                    Long task = rows.iterator().next().getLong(0);
                    return task == null ? Uni.createFrom().item(true)
                            : records.closeTask(c, task).replaceWith(true);
                }));
    }

    private static String percent(Double fraction) {
        return fraction == null ? "—" : Math.round(fraction * 100) + "%";
    }
}
