package io.airwarn.accountability;

import io.airwarn.core.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestQuery;

/** The public ranking of the 12 units for a month or a year (item 42 of the provincial rules). No sign-in. */
@Path("/api/public/rankings")
@Produces(MediaType.APPLICATION_JSON)
public class RankingResource {

    private final RankingService rankings;

    public RankingResource(RankingService rankings) {
        this.rankings = rankings;
    }

    @GET
    @Operation(summary = "The units ranked for a month (period=2015-11) or a year (period=2015)", description = """
            By the composite index (the sum over SO2, NO2, PM10, PM2.5 annual means, CO's 95th percentile of daily \
            means and O3's 90th percentile of daily maximum 8 h means, each over its GB 3095-2012 Grade II limit; \
            lower is better; ranked only when every statistic has the valid days GB 3095-2012 requires: 324 a year, \
            27 a month, 25 in February) and by the share of good days (AQI <= 100), each with its change from the \
            same period a year earlier. Every statistic states the valid days it used.""")
    public Uni<Ranking> ranking(@RestQuery String period) {
        Period p;
        try {
            p = Period.parse(period);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_period", e.getMessage());
        }
        return rankings.ranking(p);
    }
}
