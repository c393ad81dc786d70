package io.airwarn.bulletin;

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

/** The public page at the site root: warnings in force, the AQI map, the SMS subscription form. */
@Path("/")
public class PublicPage {

    private final Bulletin bulletin;
    private final ProvinceSituation situation;
    private final Template page;

    public PublicPage(Bulletin bulletin, ProvinceSituation situation, @Location("publicPage.html") Template page) {
        this.bulletin = bulletin;
        this.situation = situation;
        this.page = page;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The public warning page (HTML)")
    public Uni<TemplateInstance> page() {
        return Uni.combine().all().unis(bulletin.current(), situation.all(false)).asTuple()
                .map(t -> page.data("warnings", t.getItem1().warnings()).data("cities", t.getItem2())
                        .data("anyDemo", t.getItem2().stream().anyMatch(c -> c.latestDay() != null
                                && c.latestDay().demo())));
    }
}
