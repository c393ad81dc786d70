package io.airwarn.notify;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * One-time acknowledgement links, sent only where the sender's policy allows links in SMS. Opening the link only
 * shows the order (mail and chat apps fetch links to preview them); the button acknowledges it, once.
 */
@Path("/ack/{token}")
@Produces(MediaType.TEXT_HTML)
public class AckLinkResource {

    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{32}");

    private final Acknowledgements acknowledgements;
    private final Template page;

    public AckLinkResource(Acknowledgements acknowledgements, @Location("ackLink.html") Template page) {
        this.acknowledgements = acknowledgements;
        this.page = page;
    }

    @GET
    @Operation(summary = "The order behind a one-time acknowledgement link, with an Acknowledge button")
    public Uni<Response> show(@PathParam("token") String token) {
        return order(token);
    }

    @POST
    @Operation(summary = "Acknowledge the order behind a one-time link (once, while the order applies)")
    public Uni<Response> acknowledge(@PathParam("token") String token) {
        if (!TOKEN.matcher(token).matches()) {
            return order(token);
        }
        return acknowledgements.acknowledgeByLink(token).chain(ignored -> order(token));
    }

    private Uni<Response> order(String token) {
        Uni<Optional<Acknowledgements.Status>> order = TOKEN.matcher(token).matches()
                ? acknowledgements.byLink(token) : Uni.createFrom().item(Optional.empty());
        return order.map(o -> Response.status(o.isPresent() ? 200 : 404).entity(page.data("order", o.orElse(null)))
                .build());
    }
}
