package io.airwarn.notify;

import io.smallrye.common.annotation.Blocking;
import io.airwarn.user.Roles;
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
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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

    public SandboxResource(SandboxGateway gateway) {
        this.gateway = gateway;
    }

    private void requireEnabled() {
        if (!gateway.enabled()) {
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
        try {
            String[] credentials = basic(authorization);
            gateway.authenticate(sid, credentials[0], credentials[1]);
            Map<String, String> fields = new LinkedHashMap<>();
            form.forEach((k, v) -> fields.put(k, v.get(0)));
            return Response.status(201).entity(json(sid, gateway.create(fields))).build();
        } catch (SandboxGateway.Refusal r) {
            return error(r);
        }
    }

    @GET
    @Path(MESSAGES)
    @Operation(summary = "Sandbox: list messages (Twilio's API), optionally To a number")
    public Response list(@PathParam("sid") String sid, @HeaderParam("Authorization") String authorization,
                         @RestQuery("To") String to) {
        requireEnabled();
        try {
            String[] credentials = basic(authorization);
            gateway.authenticate(sid, credentials[0], credentials[1]);
        } catch (SandboxGateway.Refusal r) {
            return error(r);
        }
        List<Map<String, Object>> messages = gateway.list(to).stream().map(m -> json(sid, m)).toList();
        String uri = "/2010-04-01/Accounts/" + sid + "/Messages.json";
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("messages", messages);
        page.put("end", Math.max(0, messages.size() - 1));
        page.put("first_page_uri", uri + "?PageSize=" + Math.max(50, messages.size()) + "&Page=0");
        page.put("next_page_uri", null);
        page.put("page", 0);
        page.put("page_size", Math.max(50, messages.size()));
        page.put("previous_page_uri", null);
        page.put("start", 0);
        page.put("uri", uri);
        return Response.ok(page).build();
    }

    @GET
    @Path("/messages")
    @RolesAllowed({Roles.DUTY_OFFICER, Roles.APPROVER, Roles.COMMANDER, Roles.ADMIN, Roles.VIEWER})
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
    @RolesAllowed({Roles.DUTY_OFFICER, Roles.APPROVER, Roles.COMMANDER, Roles.ADMIN, Roles.VIEWER})
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

    private static String[] basic(String authorization) {
        if (authorization == null || !authorization.startsWith("Basic ")) {
            throw new SandboxGateway.Refusal(401, 20003, "Authenticate");
        }
        String decoded = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new SandboxGateway.Refusal(401, 20003, "Authenticate");
        }
        return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }

    private static Response error(SandboxGateway.Refusal r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", r.code);
        body.put("message", r.getMessage());
        body.put("more_info", "https://www.twilio.com/docs/errors/" + r.code);
        body.put("status", r.httpStatus);
        return Response.status(r.httpStatus).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    private static Map<String, Object> json(String accountSid, SandboxGateway.Received m) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("account_sid", accountSid);
        j.put("api_version", "2010-04-01");
        j.put("body", m.body());
        j.put("date_created", m.dateCreated());
        j.put("date_sent", m.dateCreated());
        j.put("date_updated", m.dateCreated());
        j.put("direction", "outbound-api");
        j.put("error_code", null);
        j.put("error_message", null);
        j.put("from", m.from());
        j.put("messaging_service_sid", m.messagingServiceSid());
        j.put("num_media", "0");
        j.put("num_segments", Integer.toString(SmsSegments.count(m.body())));
        j.put("price", null);
        j.put("price_unit", "USD");
        j.put("sid", m.sid());
        j.put("status", m.status());
        j.put("to", m.to());
        j.put("uri", "/2010-04-01/Accounts/" + accountSid + "/Messages/" + m.sid() + ".json");
        return j;
    }
}
