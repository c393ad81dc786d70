package io.airwarn.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The house's rules, checked on the compiled classes: packages depend one way, in the order of {@link #LAYERS};
 * {@code core} depends on nothing of ours; the pure rule classes know no HTTP, database or reactive framework; and
 * the time comes from the one clock.
 */
class ArchitectureTest {

    /** Bottom to top: a package may use those before it, never one after it. */
    static final List<String> LAYERS = List.of("core", "aqi", "city", "audit", "cluster", "message", "notify",
            "observation", "accountability", "subscription", "forecast", "plan", "compliance", "user", "warning",
            "situation", "bulletin", "cap", "console", "portal", "backup", "platform");

    /** Decisions as pure functions: AQI, forecast arithmetic, criteria, rules, lifecycle. */
    static final List<String> PURE_RULES = List.of("io.airwarn.aqi.AqiCalculator",
            "io.airwarn.forecast.LeadModelFitter", "io.airwarn.forecast.ForecastDistribution",
            "io.airwarn.forecast.Predictors", "io.airwarn.forecast.RollingOriginEvaluation",
            "io.airwarn.forecast.Score", "io.airwarn.forecast.CityForecaster", "io.airwarn.warning.WarningCriteria",
            "io.airwarn.warning.ProposalRules", "io.airwarn.warning.WarningLifecycle", "io.airwarn.plan.RulesEngine",
            "io.airwarn.compliance.Curtailment");

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.airwarn");

    @Test
    void packagesFormNoCycle() {
        slices().matching("io.airwarn.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void aPackageUsesOnlyThePackagesBelowIt() {
        for (int i = 0; i < LAYERS.size(); i++) {
            String[] above = LAYERS.subList(i + 1, LAYERS.size()).stream().map(p -> "io.airwarn." + p + "..")
                    .toArray(String[]::new);
            if (above.length > 0) {
                noClasses().that().resideInAPackage("io.airwarn." + LAYERS.get(i) + "..").should()
                        .dependOnClassesThat().resideInAnyPackage(above).check(CLASSES);
            }
        }
    }

    @Test
    void everyPackageHasItsPlaceInTheOrder() {
        classes().that().resideInAPackage("io.airwarn..").should().resideInAnyPackage(
                LAYERS.stream().map(p -> "io.airwarn." + p + "..").toArray(String[]::new))
                .because("a new package is given its place in LAYERS").check(CLASSES);
    }

    @Test
    void coreDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("io.airwarn.core..").should().dependOnClassesThat(
                resideInAPackage("io.airwarn..").and(not(resideInAPackage("io.airwarn.core..")))).check(CLASSES);
    }

    @Test
    void pureRulesKnowNoHttpDatabaseOrReactiveFramework() {
        for (String rule : PURE_RULES) {
            noClasses().that().haveFullyQualifiedName(rule).should().dependOnClassesThat()
                    .resideInAnyPackage("jakarta.ws.rs..", "io.vertx..", "io.smallrye.mutiny..",
                            "jakarta.persistence..", "org.hibernate..", "io.quarkus..").check(CLASSES);
        }
    }

    @Test
    void theTimeComesFromTheOneClock() {
        for (Class<?> time : List.of(Instant.class, OffsetDateTime.class, LocalDate.class, LocalDateTime.class,
                ZonedDateTime.class)) {
            noClasses().should().callMethod(time, "now").orShould().callMethod(time, "now", ZoneId.class)
                    .because("time-dependent code takes the injected java.time.Clock, which tests move")
                    .check(CLASSES);
        }
    }
}
