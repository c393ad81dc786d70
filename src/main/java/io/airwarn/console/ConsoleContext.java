package io.airwarn.console;

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

    private final SecurityIdentity identity;
    private final CsrfTokens csrf;
    private final WarningQueries warnings;
    private final HttpHeaders headers;

    ConsoleContext(SecurityIdentity identity, CsrfTokens csrf, WarningQueries warnings, HttpHeaders headers) {
        this.identity = identity;
        this.csrf = csrf;
        this.warnings = warnings;
        this.headers = headers;
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
        t.data("notice", notice).data("problem", problem).data("l", labels());
        return warnings.exerciseUnderWay().map(underWay -> t.data("user", user()).data("exerciseUnderWay", underWay));
    }

    /** A state-changing form must carry the signed-in user's token. */
    public void requireToken(String token) {
        if (session().isEmpty() || !csrf.valid(session(), token)) {
            throw new ApiException(403, "invalid_form_token", "The form has expired or did not come from AirWarn; "
                    + "reload the page and try again.", List.of());
        }
    }
}
