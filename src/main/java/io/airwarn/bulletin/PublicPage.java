package io.airwarn.bulletin;

import io.airwarn.accountability.Ranking;
import io.airwarn.accountability.Period;
import io.airwarn.accountability.RankingService;
import io.airwarn.accountability.TargetService;
import io.airwarn.situation.ProvinceSituation;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The public page at the site root: warnings in force, the AQI map, the latest monthly ranking, SMS sign-up. */
@Path("/")
public class PublicPage {

    private final Bulletin bulletin;
    private final ProvinceSituation situation;
    private final RankingService rankings;
    private final TargetService targets;
    private final Template page;

    public PublicPage(Bulletin bulletin, ProvinceSituation situation, RankingService rankings, TargetService targets,
                      @Location("publicPage.html") Template page) {
        this.targets = targets;
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
        return Uni.combine().all().unis(bulletin.current(), situation.all(false), ranking, progress).asTuple()
                .map(t -> page.data("warnings", t.getItem1().warnings()).data("cities", t.getItem2())
                        .data("ranking", t.getItem3()).data("targets", t.getItem4())
                        .data("anyDemo", t.getItem2().stream().anyMatch(c -> c.latestDay() != null
                                && c.latestDay().demo())));
    }
}
