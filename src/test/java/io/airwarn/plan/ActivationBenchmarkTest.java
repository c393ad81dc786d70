package io.airwarn.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.airwarn.core.WarningLevel;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Province-wide red activation: all 12 units at once, computing and storing every order, with the shipped lists
 * and with them copied 4 and 16 times. Not part of the default run: {@code mvn verify -Pbench}. Prints the figures
 * and writes target/activation-benchmark.txt; asserts only that every order was stored.
 */
@QuarkusTest
@Tag("benchmark")
class ActivationBenchmarkTest {

    @Inject
    PlanRegistry registry;

    @Inject
    PlanStore store;

    @Inject
    ActivationService activations;

    @Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    private static Plan scaled(Plan p, int factor) {
        List<Plan.Enterprise> enterprises = new ArrayList<>();
        List<Plan.School> schools = new ArrayList<>();
        for (int copy = 0; copy < factor; copy++) {
            String suffix = copy == 0 ? "" : "-x" + copy;
            p.enterprises().forEach(e -> enterprises.add(new Plan.Enterprise(e.id() + suffix, e.name(), e.district(),
                    e.industry(), e.grade(), e.guarantee(), e.baseline(), e.measures(), e.contactMobile(),
                    e.supervisor(), List.of())));
            p.schools().forEach(s -> schools.add(new Plan.School(s.id() + suffix, s.name(), s.district(), s.type(),
                    s.pupils(), s.contactMobile())));
        }
        return new Plan(p.unit(), p.name(), p.sample(), p.version(), p.effectiveDate(), p.command(), p.emissions(),
                p.schoolRule(), p.responsibleUnits(), p.measures(), enterprises, schools, p.drillRecipients());
    }

    /** Orders computed and stored, with their outbox rows, for all 12 units; the activations' ids. */
    private record Run(int orders, long ms, List<Long> activations) {
    }

    private Run activateAll(int factor, RulesEngine.Request red) {
        List<PlanCatalog.InUse> plans = registry.catalog().inUse();
        assertEquals(12, plans.size());
        List<Plan> scaledPlans = plans.stream().map(p -> scaled(p.plan(), factor)).toList();
        List<Long> ids = new ArrayList<>();
        long start = System.nanoTime();
        int orders = 0;
        for (int i = 0; i < plans.size(); i++) {
            List<Order> unitOrders = RulesEngine.orders(scaledPlans.get(i), red);
            orders += unitOrders.size();
            PlanCatalog.InUse inUse = plans.get(i);
            ids.add(pool.withTransaction(c -> store.activate(c, inUse.plan().unit(), inUse.versionId(), red,
                    new ActivationService.Initiator("benchmark", null), unitOrders, ActivationService.escalation(inUse.plan()),
                    activations.messages(inUse.plan().unit(), red))).await().atMost(Duration.ofMinutes(5)));
        }
        return new Run(orders, (System.nanoTime() - start) / 1_000_000, ids);
    }

    private static RulesEngine.Request red(int run) {
        return new RulesEngine.Request(WarningLevel.RED, WarningLevel.NONE,
                OffsetDateTime.parse("2030-01-01T08:00+08:00").plusMinutes(run), true, true, null);
    }

    private long count(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(io.vertx.mutiny.sqlclient.Tuple.from(params))
                .await().atMost(Duration.ofMinutes(1)).iterator().next().getLong(0);
    }

    @Test
    void provinceWideRed() throws IOException {
        StringBuilder report = new StringBuilder(String.format("AirWarn province-wide RED activation (%d cores)%n",
                Runtime.getRuntime().availableProcessors()));
        int run = 0;
        for (int factor : new int[] {1, 1, 4, 16, 5}) {
            Run r = activateAll(factor, red(run++));
            report.append(String.format("  lists x%-2d: %,7d orders in %,6d ms (%,.0f orders/s)%n", factor,
                    r.orders(), r.ms(), r.orders() * 1000.0 / r.ms()));
        }
        System.out.print(report);
        Files.writeString(Path.of("target/activation-benchmark.txt"), report);
    }

    /**
     * The figure: a province-wide red warning reaching 250,000 recipients (the lists copied 8 times, about
     * 47,000 orders, plus 200,000 confirmed public subscribers), timed until every outbox row is written. The
     * subscribers are removed afterwards so other tests do not see them.
     */
    @Test
    void provinceWideRedWithSubscribers() throws IOException {
        List<String> units = registry.catalog().inUse().stream().map(p -> p.plan().unit()).toList();
        pool.preparedQuery("""
                INSERT INTO subscription (phone, unit, language, status, confirmed_at)
                SELECT '+8619' || lpad(i::text, 9, '0'), ($1::text[])[1 + i % 12],
                       CASE WHEN i % 10 = 0 THEN 'en' ELSE 'zh-CN' END, 'ACTIVE', now()
                FROM generate_series(1, 200000) i""").execute(io.vertx.mutiny.sqlclient.Tuple.of(
                units.toArray(String[]::new))).await().atMost(Duration.ofMinutes(2));
        try {
            Run r = activateAll(8, red(100));
            long rows = count("SELECT count(*) FROM outbox o JOIN plan_order p ON p.id = o.order_id "
                    + "WHERE p.activation_id = ANY($1)", (Object) r.activations().toArray(Long[]::new));
            assertEquals(true, rows >= 200_000, "every subscriber got a row: " + rows);
            String line = String.format("AirWarn province-wide RED with 200,000 subscribers (%d cores): %,d orders, "
                            + "%,d outbox rows written in %,d ms (%,.0f rows/s)%n",
                    Runtime.getRuntime().availableProcessors(), r.orders(), rows, r.ms(), rows * 1000.0 / r.ms());
            System.out.print(line);
            Files.writeString(Path.of("target/outbox-benchmark.txt"), line);
        } finally {
            pool.query("UPDATE outbox SET status = 'CANCELLED', error_message = 'benchmark' WHERE status = 'QUEUED'")
                    .execute().await().atMost(Duration.ofMinutes(2));
            pool.query("DELETE FROM subscription WHERE phone LIKE '+8619%'").execute()
                    .await().atMost(Duration.ofMinutes(2));
        }
    }
}
