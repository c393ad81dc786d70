package io.airwarn.warning;

import io.airwarn.city.Cities;
import io.airwarn.city.City;
import io.airwarn.compliance.ComplianceService;
import io.airwarn.core.ApiException;
import io.airwarn.core.BeijingTime;
import io.airwarn.core.WarningLevel;
import io.airwarn.forecast.IssuedForecasts;
import io.airwarn.notify.DeliveryReport;
import io.airwarn.observation.CityRecords;
import io.airwarn.plan.ActivationService;
import io.airwarn.plan.Emissions;
import io.airwarn.plan.PlanRegistry;
import io.airwarn.plan.PlanValidator;
import io.airwarn.plan.ReductionCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Gathers what an episode report needs: the history, observations, the forecast at issue and the orders. */
@ApplicationScoped
public class EpisodeReportService {

    private final WarningStore store;
    private final CityRecords records;
    private final IssuedForecasts forecasts;
    private final ActivationService activations;
    private final PlanRegistry plans;
    private final DeliveryReport delivery;
    private final Cities cities;
    private final Clock clock;
    private final ComplianceService compliance;

    EpisodeReportService(WarningStore store, CityRecords records, IssuedForecasts forecasts,
                         ActivationService activations, PlanRegistry plans, DeliveryReport delivery, Cities cities,
                         Clock clock, ComplianceService compliance) {
        this.compliance = compliance;
        this.delivery = delivery;
        this.cities = cities;
        this.store = store;
        this.records = records;
        this.forecasts = forecasts;
        this.activations = activations;
        this.plans = plans;
        this.clock = clock;
    }

    public Uni<EpisodeReport> report(long id) {
        return store.find(id).chain(w -> {
            if (w == null) {
                throw ApiException.notFound("no_warning", "warning " + id + " does not exist");
            }
            if (w.issuedAt() == null) {
                throw new ApiException(409, "not_issued", "warning " + id + " was never issued; an episode report "
                        + "covers an issued warning", List.of());
            }
            OffsetDateTime end = w.liftedAt() != null ? w.liftedAt() : OffsetDateTime.now(clock);
            return store.events(id).chain(events -> {
                List<EpisodeReport.Period> periods = periods(w, events, end);
                List<Long> activationIds = events.stream().map(WarningStore.Event::activationId)
                        .filter(a -> a != null).toList();
                LocalDate first = w.issuedAt().atZoneSameInstant(BeijingTime.ZONE).toLocalDate();
                LocalDate last = end.atZoneSameInstant(BeijingTime.ZONE).toLocalDate();
                return Uni.combine().all().unis(observed(w.city(), first, last),
                        forecasts.expectedAqiAsOf(w.city(), w.issuedAt()), activations.orderCounts(activationIds),
                        delivery.summary(activationIds), compliance.reductions(id))
                        .asTuple().map(t -> EpisodeReport.of(w, cities.find(w.city()).map(City::nameZh)
                                        .orElse(w.city()), periods, t.getItem1(), t.getItem2(), t.getItem3(),
                                t.getItem4(), level -> cutPerDay(w.city(), level), t.getItem5()));
            });
        });
    }

    /**
     * Levels in force, from the approvals in the history: the from the response start (the onset, or the
     * approval when heavy pollution was already observed), a change's from its approval. A warning lifted before
     * its response began was never in force.
     */
    static List<EpisodeReport.Period> periods(Warning w, List<WarningStore.Event> events, OffsetDateTime end) {
        List<EpisodeReport.Period> periods = new ArrayList<>();
        List<WarningStore.Event> approvals = events.stream().filter(e -> e.action().equals("APPROVE")).toList();
        for (int i = 0; i < approvals.size(); i++) {
            WarningLevel level = WarningLevel.valueOf(approvals.get(i).level());
            OffsetDateTime approved = OffsetDateTime.parse(approvals.get(i).at());
            OffsetDateTime from = i == 0 && !w.observedHeavy() && w.onset().isAfter(approved) ? w.onset() : approved;
            OffsetDateTime to = i + 1 < approvals.size() ? OffsetDateTime.parse(approvals.get(i + 1).at()) : end;
            if (level != WarningLevel.NONE && !approvals.get(i).toState().equals("LIFTED") && to.isAfter(from)) {
                periods.add(new EpisodeReport.Period(level, BeijingTime.withOffset(from), BeijingTime.withOffset(to),
                        Math.round(Duration.between(from, to).toMinutes() / 6.0) / 10.0));
            }
        }
        return periods;
    }

    private Emissions cutPerDay(String city, WarningLevel level) {
        return plans.catalog().plan(city).map(p -> {
            List<ReductionCheck> checks = PlanValidator.reductionCheck(p.plan(), plans.minimumShare()).stream()
                    .filter(c -> c.level() == level).toList();
            double[] v = new double[Emissions.Pollutant.values().length];
            checks.forEach(c -> v[c.pollutant().ordinal()] = c.reduction());
            return new Emissions(v[0], v[1], v[2], v[3]);
        }).orElse(Emissions.ZERO);
    }

    private Uni<Map<LocalDate, Integer>> observed(String city, LocalDate from, LocalDate to) {
        return records.days(city, from, to).map(days -> {
            Map<LocalDate, Integer> aqi = new TreeMap<>();
            days.forEach(d -> aqi.put(d.day(), d.aqi()));
            return aqi;
        });
    }
}
