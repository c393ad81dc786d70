package io.airwarn.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.airwarn.core.WarningLevel;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the plan API. */
public final class PlanViews {

    private PlanViews() {
    }

    /** A plan folder in the list: its latest report's headline and the version in use for its unit. */
    public record Summary(String folder, String unit, String version, String checksum, boolean sample, boolean valid,
                   String versionInUse, int enterprises, int schools, long errors, long warnings) {

        static Summary of(PlanReport r, PlanCatalog catalog) {
            String inUse = r.unit() == null ? null : catalog.plan(r.unit()).map(p -> p.report().version()).orElse(null);
            return new Summary(r.folder(), r.unit(), r.version(), r.checksum(), r.sample(), r.valid(), inUse,
                    r.enterprises(), r.schools(), r.errors(), r.problems().size() - r.errors());
        }
    }

    /** A plan in use, without its long lists, with its validation report (and a refused newer version's). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Detail(String unit, String name, boolean sample, String version, String checksum, String effectiveDate,
                  Plan.Command command, Emissions emissions, Plan.SchoolRule schoolRule,
                  List<Plan.ResponsibleUnit> responsibleUnits, List<Plan.CityMeasure> measures, int enterprises,
                  int schools, PlanReport report, PlanReport refusedReport) {

        /** @param latest the unit's latest folder report: shown as {@code refusedReport} when it was refused */
        static Detail of(PlanCatalog.InUse inUse, PlanReport latest) {
            Plan p = inUse.plan();
            return new Detail(p.unit(), p.name(), p.sample(), p.version(), inUse.report().checksum(),
                    p.effectiveDate().toString(), p.command(), p.emissions(), p.schoolRule(), p.responsibleUnits(),
                    p.measures(), p.enterprises().size(), p.schools().size(), inUse.report(),
                    latest != null && !latest.valid() ? latest : null);
        }
    }

    /** What an activation would send, without storing anything. */
    public record Preview(String unit, String planVersion, String level, String previousLevel, String responseStart,
                   boolean exercise, Map<Order.RecipientType, Long> recipients, Map<Order.Kind, Long> kinds,
                   List<ReductionCheck> reductions, ActivationService.Cost cost, List<Order> orders) {

        static Preview of(PlanCatalog.InUse inUse, RulesEngine.Request r, List<Order> orders,
                          Map<WarningLevel, Double> minimumShare, ActivationService.Cost cost) {
            Map<Order.RecipientType, Long> recipients = new EnumMap<>(Order.RecipientType.class);
            Map<Order.Kind, Long> kinds = new EnumMap<>(Order.Kind.class);
            orders.forEach(o -> {
                recipients.merge(o.recipientType(), 1L, Long::sum);
                kinds.merge(o.kind(), 1L, Long::sum);
            });
            List<ReductionCheck> reductions = PlanValidator.reductionCheck(inUse.plan(), minimumShare).stream()
                    .filter(c -> c.level() == r.level()).toList();
            return new Preview(inUse.plan().unit(), inUse.plan().version(), r.level().name(), r.previousLevel().name(),
                    r.responseStart().toString(), r.exercise(), recipients, kinds, reductions, cost, orders);
        }
    }
}
