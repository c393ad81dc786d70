package io.airwarn.console;

import io.airwarn.city.Cities;
import io.airwarn.core.ApiException;
import io.airwarn.core.BeijingTime;
import io.airwarn.core.Roles;
import io.airwarn.situation.CitySituation;
import io.airwarn.situation.ProvinceSituation;
import io.airwarn.warning.ProposalService;
import io.airwarn.warning.Warning;
import io.airwarn.warning.WarningQueries;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.reactive.RestQuery;

/** The duty officers' overview of the province and of one unit. */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class ConsolePages {

    private static final Set<String> OPEN_STATES = Set.of("DRAFT", "SUBMITTED", "ISSUED", "CHANGE_SUBMITTED");

    private final ConsoleContext context;
    private final ProvinceSituation situation;
    private final ProposalService proposals;
    private final WarningQueries warnings;
    private final Cities cities;
    private final SecurityIdentity identity;
    private final Clock clock;
    private final Template home;
    private final Template city;

    public ConsolePages(ConsoleContext context, ProvinceSituation situation, ProposalService proposals,
                        WarningQueries warnings, Cities cities, SecurityIdentity identity, Clock clock,
                        @Location("console/home.html") Template home, @Location("console/city.html") Template city) {
        this.clock = clock;
        this.context = context;
        this.situation = situation;
        this.proposals = proposals;
        this.warnings = warnings;
        this.cities = cities;
        this.identity = identity;
        this.home = home;
        this.city = city;
    }

    /** Staff see the overview; enterprise, school and unit users land on their own orders. */
    @GET
    public Uni<Response> overview(@RestQuery String notice) {
        if (identity.getRoles().stream().anyMatch(Roles.RECIPIENTS::contains)) {
            return Uni.createFrom().item(Response.seeOther(URI.create("/portal")).build());
        }
        if (!identity.hasRole(Roles.STAFF)) {
            throw new ApiException(403, "forbidden", "Your roles do not allow the console", List.of());
        }
        return Uni.combine().all().unis(situation.all(true), proposals.list("OPEN"), warnings.list(null, null, null))
                .asTuple().chain(t -> context.page(home.data("cities", t.getItem1()).data("proposals", t.getItem2())
                        .data("warnings", inProgress(t.getItem3())), notice, null))
                .map(page -> Response.ok(page).build());
    }

    @GET
    @Path("/cities/{code}")
    @RolesAllowed(Roles.STAFF)
    public Uni<TemplateInstance> city(@PathParam("code") String code) {
        String unit = cities.requireCode(code);
        return Uni.combine().all().unis(situation.all(true), warnings.list(unit, null, null)).asTuple().chain(t -> {
            CitySituation s = t.getItem1().stream().filter(c -> c.code().equals(unit)).findFirst().orElseThrow();
            LocalDate to = s.latestDay() == null ? LocalDate.now(clock.withZone(BeijingTime.ZONE)) : LocalDate.parse(s.latestDay().at());
            return context.page(city.data("city", cities.find(unit).orElseThrow()).data("situation", s)
                    .data("from", to.minusDays(29).toString()).data("to", to.toString())
                    .data("warnings", t.getItem2()), null, null);
        });
    }

    private static List<Warning> inProgress(List<Warning> all) {
        return all.stream().filter(w -> OPEN_STATES.contains(w.state().name())).toList();
    }
}
