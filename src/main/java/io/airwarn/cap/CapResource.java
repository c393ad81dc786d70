package io.airwarn.cap;

import io.airwarn.bulletin.Bulletin;
import io.airwarn.city.Cities;
import io.airwarn.core.AirWarnConfig;
import io.airwarn.core.ApiException;
import io.airwarn.core.PublicAddress;
import io.airwarn.warning.PublishedWarnings;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Every issued, changed or lifted warning as a CAP 1.2 alert, and an Atom index of the current ones. No sign-in. */
@Path("/cap")
public class CapResource {

    static final String CAP_XML = "application/cap+xml";
    static final String ATOM_XML = "application/atom+xml";

    private final PublishedWarnings published;
    private final Bulletin bulletin;
    private final Cities cities;
    private final PublicAddress address;
    private final String sender;
    private final Clock clock;

    public CapResource(PublishedWarnings published, Bulletin bulletin, Cities cities, AirWarnConfig config,
                       PublicAddress address, Clock clock) {
        this.address = address;
        this.clock = clock;
        this.published = published;
        this.bulletin = bulletin;
        this.cities = cities;
        this.sender = config.capSender();
    }

    @GET
    @Path("/alerts.atom")
    @Produces(ATOM_XML)
    @Operation(summary = "Atom index of current CAP alerts: warnings in force and those lifted in the last day, "
            + "exercises included (status Exercise)")
    public Uni<Response> index() {
        String base = address.base();
        return published.current(true).map(messages -> Response.ok(AtomIndex.xml(messages.stream()
                        .map(m -> new AtomIndex.Entry(m, bulletin.view(m))).toList(), base,
                        OffsetDateTime.now(clock)), ATOM_XML + "; charset=UTF-8")
                .header("Cache-Control", "public, max-age=15").build());
    }

    @GET
    @Path("/{identifier}.xml")
    @Produces(CAP_XML)
    @Operation(summary = "One CAP 1.2 alert by its identifier (airwarn-<warning>-<event>)")
    public Uni<Response> alert(@PathParam("identifier") String identifier) {
        String base = address.base();
        return published.message(identifier).map(found -> {
            PublishedWarnings.Message m = found.orElseThrow(() -> ApiException.notFound("no_alert",
                    "no CAP alert has the identifier " + identifier));
            String xml = CapAlert.xml(m, bulletin.view(m), cities.find(m.city()).orElseThrow(), sender,
                    base + "/#unit-" + m.city());
            // A published message never changes.
            return Response.ok(xml, CAP_XML + "; charset=UTF-8").header("Cache-Control", "public, max-age=3600")
                    .build();
        });
    }

}
