package io.airwarn.bulletin;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;

/** The public warnings for app developers: no sign-in, cacheable, cheap under an episode's read traffic. */
@Path("/api/public/warnings")
public class PublicWarningResource {

    static final String CACHE_CONTROL = "public, max-age=15";

    private final Bulletin bulletin;

    public PublicWarningResource(Bulletin bulletin) {
        this.bulletin = bulletin;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Warnings in force per unit (exercises excluded)", description = "Each with level, period "
            + "(Beijing time), health advice, the main measures of the unit's plan and its CAP 1.2 message. Answers "
            + "carry an ETag; send it back in If-None-Match to get 304 while nothing changed. Cache-Control allows "
            + "15 s; the server itself refreshes at most every 5 s.")
    @APIResponse(responseCode = "200", description = "The warnings in force", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY,
            implementation = PublicWarning.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    public Uni<Response> warnings(@HeaderParam("If-None-Match") String ifNoneMatch) {
        return bulletin.current().map(s -> {
            Response.ResponseBuilder r = s.etag().equals(ifNoneMatch) ? Response.notModified()
                    : Response.ok(s.json(), MediaType.APPLICATION_JSON_TYPE);
            return r.header("ETag", s.etag()).header("Cache-Control", CACHE_CONTROL).build();
        });
    }
}
