package io.airwarn.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every API entry point against every role: a role outside the entry's allowed set is refused (401 without
 * credentials, 403 with), one inside it is not. Requests are built so that an allowed call changes nothing that
 * other tests rely on (unknown ids, invalid bodies).
 */
@QuarkusTest
class AuthorizationMatrixTest {

    static final String ANONYMOUS = "anonymous";
    static final List<String> ROLES = List.of(ANONYMOUS, "enterprise", "school", "unit", "viewer", "duty", "approver",
            "commander", "admin");
    static final Set<String> EVERYONE = Set.copyOf(ROLES);
    static final Set<String> STAFF = Set.of("viewer", "duty", "approver", "commander", "admin");
    static final Set<String> FEEDERS = Set.of("duty", "admin");

    /** One entry point: method, path, JSON body (or null) and the roles allowed. */
    record Entry(String method, String path, String body, Set<String> allowed) {
    }

    static final List<Entry> MATRIX = List.of(
            new Entry("GET", "/api/cities", null, EVERYONE),
            new Entry("GET", "/api/cities/220100/aqi/daily", null, EVERYONE),
            new Entry("GET", "/api/cities/220100/forecast/history", null, EVERYONE),
            new Entry("GET", "/api/public/warnings", null, EVERYONE),
            new Entry("GET", "/api/public/rankings?period=2015-11", null, EVERYONE),
            new Entry("GET", "/api/public/targets?year=2015", null, EVERYONE),
            new Entry("GET", "/cap/alerts.atom", null, EVERYONE),
            new Entry("POST", "/api/observations", "[]", FEEDERS),
            new Entry("POST", "/api/forecast/run?city=999999", null, FEEDERS),
            new Entry("POST", "/api/forecast/models/reload", null, FEEDERS),
            new Entry("POST", "/api/cities/999999/met-forecast", "[]", FEEDERS),
            new Entry("GET", "/api/plans", null, STAFF),
            new Entry("GET", "/api/plans/220100", null, STAFF),
            new Entry("POST", "/api/plans/220100/preview", "{}", STAFF),
            new Entry("POST", "/api/plans/220100/activations", "{}", Set.of("commander", "admin")),
            new Entry("GET", "/api/activations/999999", null, STAFF),
            new Entry("GET", "/api/warnings", null, STAFF),
            new Entry("GET", "/api/warnings/proposals", null, STAFF),
            new Entry("GET", "/api/warnings/999999", null, STAFF),
            new Entry("GET", "/api/warnings/999999/delivery", null, STAFF),
            new Entry("POST", "/api/warnings/999999/actions", "{\"action\": \"SUBMIT\"}", STAFF),
            new Entry("POST", "/api/warnings", "{}", Set.of("duty")),
            new Entry("GET", "/api/orders/mine", null, Set.of("enterprise", "school", "unit")),
            new Entry("GET", "/api/orders/A0", null, Set.of("enterprise", "school", "unit", "viewer", "duty",
                    "approver", "commander", "admin")),
            new Entry("POST", "/api/orders/A0/ack", null, Set.of("enterprise", "school", "unit", "duty", "commander",
                    "admin")),
            new Entry("GET", "/api/users", null, Set.of("admin")),
            new Entry("GET", "/api/scheduled-runs", null, STAFF),
            new Entry("POST", "/api/users", "{}", Set.of("admin")),
            new Entry("GET", "/api/audit", null, Set.of("approver", "commander", "admin")),
            new Entry("PUT", "/api/targets/baselines", "{}", Set.of("commander", "admin")),
            new Entry("POST", "/api/stations/999999/quality/decisions", "{\"decision\": \"CONFIRM\", "
                    + "\"observedAt\": \"2015-01-01T00:00\", \"note\": \"x\"}", FEEDERS),
            new Entry("GET", "/sandbox/messages", null, STAFF),
            new Entry("GET", "/sandbox/settings", null, STAFF),
            new Entry("PUT", "/sandbox/settings", "not json", Set.of("admin")));

    private static RequestSpecification as(String role) {
        RequestSpecification r = given().redirects().follow(false);
        // The test profile's bootstrap admin has its own password; the others are the demo users.
        String password = role.equals("admin") ? "admin-test" : role + "-demo";
        return role.equals(ANONYMOUS) ? r : r.auth().preemptive().basic(role, password);
    }

    @Test
    void everyEntryPointAgainstEveryRole() {
        List<String> wrong = new ArrayList<>();
        for (Entry e : MATRIX) {
            for (String role : ROLES) {
                RequestSpecification r = as(role);
                if (e.body() != null) {
                    r = r.contentType(ContentType.JSON).body(e.body());
                }
                int status = r.when().request(e.method(), e.path()).statusCode();
                boolean refused = status == 401 || status == 403;
                boolean allowed = e.allowed().contains(role);
                if (allowed == refused || allowed && status >= 500
                        || !allowed && status != (role.equals(ANONYMOUS) ? 401 : 403)) {
                    wrong.add(e.method() + " " + e.path() + " as " + role + ": " + status);
                }
            }
        }
        assertTrue(wrong.isEmpty(), "unexpected answers:\n" + String.join("\n", wrong));
    }

    @Test
    void theStaffGroupChecksTheDoorButIsNoRoleOfTheUser() {
        as("viewer").get("/api/me").then().statusCode(200).body("roles", org.hamcrest.Matchers.contains("viewer"));
        as("enterprise").get("/api/warnings").then().statusCode(403);
    }
}
