package io.airwarn.console;

import io.airwarn.city.Cities;
import io.airwarn.core.ApiException;
import io.airwarn.core.Roles;
import io.airwarn.user.WebSessions;
import io.airwarn.warning.WarningQueries;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * What every console page shows and checks: who is signed in with which roles, the form token, and whether an
 * exercise is under way (a banner on every screen while one is).
 */
@ApplicationScoped
public class ConsoleContext {

    /** The signed-in user as the layout shows it. */
    public record User(String name, Set<String> roles, String csrf) {
        public String roleList() {
            return String.join(", ", Roles.withoutGroups(roles));
        }

        public boolean auditor() {
            return roles.contains(Roles.ADMIN) || roles.contains(Roles.COMMANDER) || roles.contains(Roles.APPROVER);
        }

        public boolean dutyOfficer() {
            return roles.contains(Roles.DUTY_OFFICER);
        }

        public boolean approves() {
            return roles.contains(Roles.APPROVER) || roles.contains(Roles.COMMANDER);
        }
    }

    /**
     * Warnings waiting for this approver (on the layout's badge): how many, and how long the longest has waited
     * ("2 小时 5 分").
     */
    public record Waiting(int count, String longest) {
    }

    private final SecurityIdentity identity;
    private final CsrfTokens csrf;
    private final WarningQueries warnings;
    private final HttpHeaders headers;
    private final UriInfo uri;
    private final Cities cities;
    private final Clock clock;

    ConsoleContext(SecurityIdentity identity, CsrfTokens csrf, WarningQueries warnings, HttpHeaders headers,
                   UriInfo uri, Cities cities, Clock clock) {
        this.uri = uri;
        this.identity = identity;
        this.csrf = csrf;
        this.warnings = warnings;
        this.headers = headers;
        this.cities = cities;
        this.clock = clock;
    }

    /** The language the user chose, Chinese unless the language cookie says English. */
    public Labels labels() {
        Cookie lang = headers.getCookies().get(Labels.COOKIE);
        return new Labels(lang != null && "en".equals(lang.getValue()));
    }

    public User user() {
        String name = identity.getPrincipal().getName();
        return new User(name, identity.getRoles(), csrf.token(session()));
    }

    /** The server-side session this page belongs to (WebSessions); form tokens are bound to it. */
    private String session() {
        Cookie session = headers.getCookies().get(WebSessions.COOKIE);
        return session == null ? "" : session.getValue();
    }

    /** The page with the layout's data; {@code notice} and {@code problem} come back from a form's redirect. */
    public Uni<TemplateInstance> page(TemplateInstance t, String notice, String problem) {
        Labels l = labels();
        t.data("notice", notice).data("problem", problem).data("l", l)
                .data("unitNames", cities.names(l.english()))
                .data("here", here());
        User user = user();
        Uni<Waiting> waiting = !user.approves() ? Uni.createFrom().nullItem()
                : warnings.awaitingApproval().map(list -> list.isEmpty() ? null : new Waiting(list.size(),
                        waited(l, list.get(0).since())));
        return Uni.combine().all().unis(warnings.exerciseUnderWay(), waiting).asTuple()
                .map(x -> t.data("user", user).data("exerciseUnderWay", x.getItem1()).data("waiting", x.getItem2()));
    }

    /**
     * This page's path and query without the one-off notice or problem, URL-encoded: where the language switch
     * comes back to.
     */
    public String here() {
        StringBuilder query = new StringBuilder();
        uri.getQueryParameters().forEach((name, values) -> {
            if (!name.equals("notice") && !name.equals("problem")) {
                values.forEach(v -> query.append(query.isEmpty() ? "?" : "&").append(encode(name)).append('=')
                        .append(encode(v)));
            }
        });
        return encode(uri.getRequestUri().getRawPath() + query);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private String waited(Labels l, OffsetDateTime since) {
        if (since == null) {
            return "";
        }
        long minutes = Math.max(0, Duration.between(since, OffsetDateTime.now(clock)).toMinutes());
        return minutes < 60 ? minutes + l.t(" 分钟", " min")
                : minutes / 60 + l.t(" 小时 ", " h ") + minutes % 60 + l.t(" 分", " min");
    }

    /** A state-changing form must carry the signed-in user's token. */
    public void requireToken(String token) {
        if (session().isEmpty() || !csrf.valid(session(), token)) {
            throw new ApiException(403, "invalid_form_token", "The form has expired or did not come from AirWarn; "
                    + "reload the page and try again.", List.of());
        }
    }
}
