package io.airwarn.notify;

import io.airwarn.platform.AirWarnConfig;
import io.airwarn.user.Roles;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.jboss.resteasy.reactive.RestQuery;

/** The console's view of the built-in sandbox gateway: what the public and the enterprises would have received. */
@Path("/console/sandbox")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.DUTY_OFFICER, Roles.APPROVER, Roles.COMMANDER, Roles.ADMIN, Roles.VIEWER})
public class SandboxPage {

    static final int SHOWN = 500;

    /** A received message with its SMS segment count. */
    public record Row(SandboxGateway.Received received, int segments) {
    }

    private final SandboxGateway gateway;
    private final Template page;
    private final boolean enabled;

    public SandboxPage(SandboxGateway gateway, @Location("sandboxMessages.html") Template page, AirWarnConfig config) {
        this.gateway = gateway;
        this.page = page;
        this.enabled = config.twilio().sandbox();
    }

    @GET
    public TemplateInstance show(@RestQuery String to) {
        if (!enabled) {
            throw new NotFoundException("the sandbox gateway is off (AIRWARN_TWILIO_SANDBOX=false)");
        }
        String number = to == null || to.isBlank() ? null : to.trim();
        List<SandboxGateway.Received> all = gateway.list(number);
        List<Row> rows = all.stream().limit(SHOWN).map(m -> new Row(m, SmsSegments.count(m.body()))).toList();
        return page.data("messages", rows).data("total", all.size()).data("shown", rows.size()).data("to", number);
    }
}
