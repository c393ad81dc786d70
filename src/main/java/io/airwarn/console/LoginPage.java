package io.airwarn.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.airwarn.user.WebSessions;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.RestQuery;

/** Signing in (the form posts to Quarkus' /j_security_check) and out of the console and the portal. */
@Path("/")
public class LoginPage {

    static final String SESSION_COOKIE = "airwarn-session";

    private final Template login;
    private final WebSessions sessions;

    public LoginPage(@Location("console/login.html") Template login, WebSessions sessions) {
        this.login = login;
        this.sessions = sessions;
    }

    @GET
    @Path("login")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance login(@RestQuery boolean error) {
        return login.data("error", error);
    }

    /** Switches the console's and the portal's language and goes back to the page it came from. */
    @GET
    @Path("language")
    public Response language(@RestQuery String to, @RestQuery String back) {
        String lang = "en".equals(to) ? "en" : "zh-CN";
        // Only back into AirWarn's own pages: never an open redirect.
        String target = back != null && back.matches("/(console|portal)[A-Za-z0-9/_?=&%.+-]*") ? back : "/console";
        return Response.seeOther(URI.create(target)).cookie(new NewCookie.Builder(Labels.COOKIE).value(lang)
                .path("/").maxAge(365 * 24 * 3600).sameSite(NewCookie.SameSite.LAX).build()).build();
    }

    /** Ends this session for good (on every node), or with {@code everywhere=true} all of the user's sessions. */
    @POST
    @Path("logout")
    public Uni<Response> logout(@CookieParam(WebSessions.COOKIE) String session, @RestQuery boolean everywhere) {
        return sessions.revoke(session, everywhere).map(ended -> Response.seeOther(URI.create("/login"))
                .cookie(expired(SESSION_COOKIE), expired(WebSessions.COOKIE)).build());
    }

    private static NewCookie expired(String name) {
        return new NewCookie.Builder(name).value("").path("/").maxAge(0).httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }
}
