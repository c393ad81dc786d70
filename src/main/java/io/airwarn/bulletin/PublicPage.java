package io.airwarn.bulletin;

import io.airwarn.accountability.Ranking;
import io.airwarn.accountability.Period;
import io.airwarn.accountability.RankingService;
import io.airwarn.accountability.TargetService;
import io.airwarn.city.Cities;
import io.airwarn.city.City;
import io.airwarn.compliance.ComplianceService;
import io.airwarn.forecast.IssuedForecasts;
import io.airwarn.situation.ProvinceSituation;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The public page at the site root: warnings in force (never exercises), the AQI map, each unit's next-day forecast
 * (marked when stale), the latest monthly ranking, SMS sign-up.
 */
@Path("/")
public class PublicPage {

    private final Bulletin bulletin;
    private final ProvinceSituation situation;
    private final RankingService rankings;
    private final TargetService targets;
    private final IssuedForecasts forecasts;
    private final Cities cities;
    private final Clock clock;
    private final Template page;
    private final ComplianceService compliance;

    public PublicPage(Bulletin bulletin, ProvinceSituation situation, RankingService rankings, TargetService targets,
                      IssuedForecasts forecasts, Cities cities, Clock clock, ComplianceService compliance,
                      @Location("publicPage.html") Template page) {
        this.compliance = compliance;
        this.targets = targets;
        this.forecasts = forecasts;
        this.cities = cities;
        this.clock = clock;
        this.bulletin = bulletin;
        this.situation = situation;
        this.rankings = rankings;
        this.page = page;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The public warning page (HTML)")
    public Uni<TemplateInstance> page() {
        Uni<Period> month = rankings.latestMonth();
        Uni<Ranking> ranking = month.chain(p -> p == null ? Uni.createFrom().nullItem() : rankings.ranking(p));
        Uni<TargetService.Report> progress = month.chain(p -> p == null ? Uni.createFrom().nullItem()
                : targets.report(p.from().getYear()));
        List<String> codes = cities.all().stream().map(City::code).toList();
        // Exercises stay off this page: the bulletin and the situation both leave them out (false).
        return Uni.combine().all().unis(bulletin.current(), situation.all(false), ranking, progress,
                        forecasts.latest(codes), compliance.ratesInResponse()).asTuple()
                .map(t -> page.data("warnings", t.getItem1().warnings()).data("cities", t.getItem2())
                        .data("compliance", t.getItem6())
                        .data("unitNames", cities.names(false))
                        .data("ranking", t.getItem3()).data("targets", t.getItem4())
                        .data("forecasts", forecasts(t.getItem5(), clock.instant()))
                        .data("anyDemo", t.getItem2().stream().anyMatch(c -> c.latestDay() != null
                                && c.latestDay().demo())));
    }

    /** Each unit's next-day forecast by unit code, stale ones marked. */
    static Map<String, PublicForecast> forecasts(Map<String, IssuedForecasts.NextDay> latest, Instant now) {
        Map<String, PublicForecast> byUnit = new TreeMap<>();
        latest.forEach((code, f) -> byUnit.put(code, PublicForecast.of(f, now)));
        return byUnit;
    }
}
