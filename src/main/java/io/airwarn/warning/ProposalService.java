package io.airwarn.warning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.airwarn.core.WarningLevel;
import io.airwarn.forecast.ForecastIssued;
import io.airwarn.forecast.ForecastVerification;
import io.airwarn.forecast.IssuedForecasts;
import io.quarkus.logging.Log;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns each new forecast into a proposal when it calls for a decision, with its evidence (the forecast days and
 * probabilities, the criteria clause, the forecast's recent verification), and raises a regional proposal when
 * enough units propose YELLOW or higher for overlapping days.
 */
@ApplicationScoped
public class ProposalService {

    private static final Duration TIMEOUT = Duration.ofMinutes(1);
    private static final String OVERLAPPING = """
            SELECT DISTINCT city_code FROM warning_proposal
            WHERE NOT regional AND status = 'OPEN' AND level IN ('YELLOW', 'ORANGE', 'RED')
              AND created_at > $3
              AND onset <= $2::date AND onset + days > $1::date""";
    /** Proposals older than this no longer count towards a regional one. */
    private static final Duration RECENT = Duration.ofDays(1);

    /** A proposal as the API shows it. */
    public record Proposal(long id, String city, boolean regional, List<String> units, String level, String onset,
                           int days, String reason, String evidence, Long forecastRun, String status,
                           String createdAt) {
    }

    private final Pool pool;
    private final CriteriaConfig criteria;
    private final ApprovalPolicy policy;
    private final ForecastVerification verification;
    private final ObjectMapper json;
    private final IssuedForecasts forecasts;
    private final Clock clock;

    ProposalService(Pool pool, CriteriaConfig criteria, ApprovalPolicy policy, ForecastVerification verification,
                    ObjectMapper json, IssuedForecasts forecasts, Clock clock) {
        this.pool = pool;
        this.forecasts = forecasts;
        this.clock = clock;
        this.criteria = criteria;
        this.policy = policy;
        this.verification = verification;
        this.json = json;
    }

    @WithSpan("warning proposal")
    void onForecast(@ObservesAsync ForecastIssued issued) {
        propose(issued.city(), issued.runId()).await().atMost(TIMEOUT);
    }

    /** Evaluates a stored forecast run; stores and returns a proposal when it calls for one. */
    public Uni<Proposal> propose(String city, long runId) {
        Uni<List<DayForecast>> days = forecasts.days(runId).map(issued -> issued.stream()
                .map(d -> new DayForecast(d.day(), (int) Math.ceil(d.expectedAqi()), d.pAbove200(), d.pAbove300(),
                        d.pAtLeast500(), d.saysAbove200(), d.saysAbove300())).toList());
        Uni<WarningLevel> current = pool.preparedQuery("SELECT issued_level FROM warning WHERE city_code = $1 AND NOT "
                        + "exercise AND state IN ('ISSUED', 'CHANGE_SUBMITTED') ORDER BY issued_at DESC LIMIT 1")
                .execute(Tuple.of(city)).map(rows -> rows.iterator().hasNext()
                        ? WarningLevel.valueOf(rows.iterator().next().getString(0)) : WarningLevel.NONE);
        return Uni.combine().all().unis(days, current, verification.verify(city, 1)).asTuple().chain(t -> {
            CriteriaConfig.ForCity forCity = criteria.forCity(city);
            int calmDays = (policy.liftAfterHours() + 23) / 24;
            var result = ProposalRules.proposal(forCity, t.getItem1(), t.getItem2(), calmDays);
            if (result.isEmpty()) {
                return Uni.createFrom().nullItem();
            }
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("currentLevel", t.getItem2());
            evidence.put("criteria", forCity.set().id());
            evidence.put("probability", forCity.probability());
            evidence.put("days", t.getItem1());
            evidence.put("verification", t.getItem3());
            CriteriaResult r = result.get();
            return insert(pool, city, false, List.of(), r.level(), r.onset(), r.days(), r.reason(), toJson(evidence),
                    runId)
                    .call(p -> p != null && r.level().atLeast(WarningLevel.YELLOW) ? regional(r) : Uni.createFrom()
                            .voidItem());
        });
    }

    /** Serialised across nodes and threads: forecasts of several units arrive at once. */
    private Uni<Void> regional(CriteriaResult r) {
        return pool.withTransaction(c -> c.query("SELECT pg_advisory_xact_lock(hashtext('airwarn-regional'))")
                .execute().chain(() -> regional(c, r)));
    }

    private Uni<Void> regional(SqlClient c, CriteriaResult r) {
        OffsetDateTime since = OffsetDateTime.now(clock).minus(RECENT);
        return c.preparedQuery(OVERLAPPING).execute(Tuple.of(r.onset(), r.onset().plusDays(r.days() - 1L), since))
                .chain(rows -> {
                    List<String> units = new ArrayList<>();
                    rows.forEach(row -> units.add(row.getString(0)));
                    if (units.size() < policy.regionalMinUnits()) {
                        return Uni.createFrom().voidItem();
                    }
                    return c.preparedQuery("SELECT count(*) FROM warning_proposal WHERE regional AND status = 'OPEN' "
                                    + "AND created_at > $2 AND units @> $1")
                            .execute(Tuple.of(units.toArray(String[]::new), since)).chain(existing -> {
                                if (existing.iterator().next().getLong(0) > 0) {
                                    return Uni.createFrom().voidItem();
                                }
                                Log.infof("regional proposal: %d units propose YELLOW or higher from %s", units.size(),
                                        r.onset());
                                return insert(c, null, true, units, WarningLevel.YELLOW, r.onset(), r.days(),
                                        units.size() + " units propose YELLOW or higher for overlapping days: " + units,
                                        "{}", null).replaceWithVoid();
                            });
                });
    }

    private Uni<Proposal> insert(SqlClient c, String city, boolean regional, List<String> units, WarningLevel level,
                                 LocalDate onset, int days, String reason, String evidence, Long runId) {
        return c.preparedQuery("""
                        INSERT INTO warning_proposal (city_code, regional, units, level, onset, days, reason, evidence,
                                                      forecast_run, created_at)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING
                        RETURNING id, city_code, regional, units, level, onset, days, reason, evidence, forecast_run,
                                  status, created_at""")
                .execute(Tuple.tuple(Arrays.asList(city, regional, units.toArray(String[]::new), level.name(), onset,
                        days, reason, evidence, runId, OffsetDateTime.now(clock))))
                .map(rows -> rows.iterator().hasNext() ? proposal(rows.iterator().next()) : null);
    }

    public Uni<List<Proposal>> list(String status) {
        return pool.preparedQuery("SELECT id, city_code, regional, units, level, onset, days, reason, evidence, "
                        + "forecast_run, status, created_at FROM warning_proposal WHERE ($1::text IS NULL OR status = $1) "
                        + "ORDER BY id DESC LIMIT 200").execute(Tuple.tuple(Arrays.asList(status)))
                .map(rows -> {
                    List<Proposal> list = new ArrayList<>();
                    rows.forEach(r -> list.add(proposal(r)));
                    return list;
                });
    }

    private static Proposal proposal(Row r) {
        return new Proposal(r.getLong(0), r.getString(1), r.getBoolean(2), List.of(r.getArrayOfStrings(3)),
                r.getString(4), r.getLocalDate(5) == null ? null : r.getLocalDate(5).toString(), r.getInteger(6),
                r.getString(7), r.getString(8), r.getLong(9), r.getString(10), r.getOffsetDateTime(11).toString());
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
