package io.airwarn.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
                    e.supervisor())));
            p.schools().forEach(s -> schools.add(new Plan.School(s.id() + suffix, s.name(), s.district(), s.type(),
                    s.pupils(), s.contactMobile())));
        }
        return new Plan(p.unit(), p.name(), p.sample(), p.version(), p.effectiveDate(), p.command(), p.emissions(),
                p.schoolRule(), p.responsibleUnits(), p.measures(), enterprises, schools, p.drillRecipients());
    }

    @Test
    void provinceWideRed() throws IOException {
        StringBuilder report = new StringBuilder(String.format("AirWarn province-wide RED activation (%d cores)%n",
                Runtime.getRuntime().availableProcessors()));
        int run = 0;
        for (int factor : new int[] {1, 1, 4, 16, 5}) {
            List<PlanCatalog.InUse> plans = registry.catalog().inUse();
            List<Plan> scaledPlans = plans.stream().map(p -> scaled(p.plan(), factor)).toList();
            RulesEngine.Request red = new RulesEngine.Request(WarningLevel.RED, WarningLevel.NONE,
                    OffsetDateTime.parse("2030-01-01T08:00+08:00").plusMinutes(run++), false);
            long start = System.nanoTime();
            int orders = 0;
            for (int i = 0; i < plans.size(); i++) {
                List<Order> unitOrders = RulesEngine.orders(scaledPlans.get(i), red);
                orders += unitOrders.size();
                PlanCatalog.InUse inUse = plans.get(i);
                pool.withTransaction(c -> store.activate(c, inUse.plan().unit(), inUse.versionId(), red, unitOrders,
                        ActivationService.escalation(inUse.plan()), activations.messages(inUse.plan().unit(), red)))
                        .await().atMost(Duration.ofMinutes(5));
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            report.append(String.format("  lists x%-2d: %,7d orders in %,6d ms (%,.0f orders/s)%n", factor, orders, ms,
                    orders * 1000.0 / ms));
            assertEquals(12, plans.size());
        }
        System.out.print(report);
        Files.writeString(Path.of("target/activation-benchmark.txt"), report);
    }
}
