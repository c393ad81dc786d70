package io.airwarn.notify;

import io.airwarn.core.AirWarnConfig;
import io.airwarn.core.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestQuery;

/** The sandbox gateway over HTTP: Twilio's Messages API, plus what it received and its behaviour settings. */
@Path("/sandbox")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class SandboxResource {

    private static final String MESSAGES = "/twilio/2010-04-01/Accounts/{sid}/Messages.json";

    private final SandboxGateway gateway;
    private final SandboxApi api;
    private final boolean enabled;

    public SandboxResource(SandboxGateway gateway, AirWarnConfig config) {
        this.gateway = gateway;
        this.api = new SandboxApi(gateway);
        this.enabled = config.twilio().sandbox();
    }

    private void requireEnabled() {
        if (!enabled) {
            throw new NotFoundException("the sandbox gateway is off (AIRWARN_TWILIO_SANDBOX=false)");
        }
    }

    @POST
    @Path(MESSAGES)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Sandbox: create a message (Twilio's API)")
    public Response create(@PathParam("sid") String sid, @HeaderParam("Authorization") String authorization,
                           MultivaluedMap<String, String> form) throws InterruptedException {
        requireEnabled();
        Map<String, String> fields = new LinkedHashMap<>();
        form.forEach((k, v) -> fields.put(k, v.get(0)));
        return response(api.create(sid, authorization, fields));
    }

    @GET
    @Path(MESSAGES)
    @Operation(summary = "Sandbox: list messages (Twilio's API), optionally To a number")
    public Response list(@PathParam("sid") String sid, @HeaderParam("Authorization") String authorization,
                         @RestQuery("To") String to) {
        requireEnabled();
        return response(api.list(sid, authorization, to));
    }

    @GET
    @Path("/messages")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Sandbox: everything it received, newest first (what recipients would have got)")
    public List<SandboxGateway.Received> received() {
        requireEnabled();
        return gateway.list(null);
    }

    @DELETE
    @Path("/messages")
    @RolesAllowed(Roles.ADMIN)
    public void clear() {
        requireEnabled();
        gateway.clear();
    }

    @GET
    @Path("/settings")
    @RolesAllowed(Roles.STAFF)
    public SandboxGateway.Settings settings() {
        requireEnabled();
        return gateway.settings();
    }

    @PUT
    @Path("/settings")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sandbox: latency, rate limit (429 with code 20429), error, timeout and undelivered rates")
    public SandboxGateway.Settings configure(SandboxGateway.Settings s) {
        requireEnabled();
        gateway.configure(s);
        return s;
    }

    private static Response response(SandboxApi.Reply reply) {
        return Response.status(reply.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(reply.body()).build();
    }
}
