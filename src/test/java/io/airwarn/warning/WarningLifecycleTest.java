package io.airwarn.warning;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.airwarn.core.Roles;
import io.airwarn.platform.MovableClock;
import io.airwarn.user.UserStore;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The decision chain with the demo users (duty, approver, commander, viewer) on real PostgreSQL. */
@QuarkusTest
class WarningLifecycleTest {

    @Inject
    UserStore users;

    private static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, user + "-demo").contentType(ContentType.JSON);
    }

    private static String at(Duration fromNow) {
        return OffsetDateTime.now(ZoneOffset.ofHours(8)).plus(fromNow).withNano(0).toString();
    }

    private static int draft(String user, String city, String level, Duration onset, boolean exercise,
                             boolean observedHeavy) {
        return as(user).body(String.format("""
                        {"city": "%s", "level": "%s", "onset": "%s", "expectedEnd": "%s", "exercise": %s,
                         "observedHeavy": %s, "note": "drafted in a test"}""", city, level, at(onset),
                        at(onset.plusDays(3)), exercise, observedHeavy))
                .when().post("/api/warnings").then().statusCode(200).body("state", equalTo("DRAFT"))
                .extract().path("id");
    }

    private static ValidatableResponse act(String user, int id, String body) {
        return as(user).body(body).when().post("/api/warnings/" + id + "/actions").then();
    }

    @Test
    void draftSubmitApproveChangeAndLift() {
        int id = draft("duty", "220400", "YELLOW", Duration.ofHours(30), false, false);
        act("duty", id, "{\"action\": \"CONSULT\", \"reason\": \"meteorological bureau agrees\"}").statusCode(200);
        act("duty", id, "{\"action\": \"SUBMIT\"}").statusCode(200).body("state", equalTo("SUBMITTED"));
        act("approver", id, "{\"action\": \"APPROVE\"}").statusCode(200)
                .body("state", equalTo("ISSUED")).body("issuedLevel", equalTo("YELLOW"))
                .body("approvedBy", equalTo("approver"));
        int activation = as("viewer").when().get("/api/warnings/" + id).then().statusCode(200)
                .body("history.action", hasItem("APPROVE")).extract()
                .path("history.find { it.action == 'APPROVE' }.activationId");
        asViewer().when().get("/api/activations/" + activation).then().statusCode(200)
                .body("level", equalTo("YELLOW")).body("unit", equalTo("220400"))
                .body("actor", equalTo("approver")).body("warningId", equalTo(id));

        act("duty", id, "{\"action\": \"REQUEST_CHANGE\", \"level\": \"RED\", \"reason\": \"forecast worsened\"}")
                .statusCode(200).body("state", equalTo("CHANGE_SUBMITTED")).body("pendingLevel", equalTo("RED"));
        act("approver", id, "{\"action\": \"APPROVE\"}").statusCode(403).body("message", containsString("RED"));
        act("commander", id, "{\"action\": \"APPROVE\"}").statusCode(200)
                .body("state", equalTo("ISSUED")).body("issuedLevel", equalTo("RED"));

        act("duty", id, "{\"action\": \"REQUEST_CHANGE\", \"level\": \"NONE\", \"reason\": \"below yellow for 36 h\"}")
                .statusCode(200);
        act("approver", id, "{\"action\": \"APPROVE\"}").statusCode(200).body("state", equalTo("LIFTED"));
        int lift = as("viewer").when().get("/api/warnings/" + id).then().statusCode(200)
                .body("history.size()", equalTo(8)).extract()
                .path("history.findAll { it.action == 'APPROVE' }[2].activationId");
        asViewer().queryParam("limit", 1000).when().get("/api/activations/" + lift + "/orders").then().statusCode(200)
                .body("kind", everyItem(equalTo("ALL_CLEAR")));
        act("duty", id, "{\"action\": \"CONSULT\", \"reason\": \"too late\"}").statusCode(409)
                .body("error", equalTo("invalid_transition"));
    }

    @Inject
    WarningReminders reminders;

    @Inject
    MovableClock clock;

    @AfterEach
    void timeAsItWas() {
        clock.reset();
    }

    @Test
    void anOverdueWarningIsRemindedAndTheReminderRepeatsOnlyAfterTheInterval() {
        int id = draft("duty", "220400", "YELLOW", Duration.ofHours(30), true, false);
        act("duty", id, "{\"action\": \"SUBMIT\"}").statusCode(200);
        act("approver", id, "{\"action\": \"APPROVE\"}").statusCode(200);
        // Time passes: the expected end (onset + 3 days) lies an hour back, with no decision since.
        clock.advance(Duration.ofHours(30).plusDays(3).plusHours(1));
        assertTrue(reminders.remind().await().atMost(Duration.ofSeconds(10)) >= 1);
        reminders.remind().await().atMost(Duration.ofSeconds(10));
        as("viewer").when().get("/api/warnings/" + id).then().statusCode(200)
                .body("history.findAll { it.action == 'REMINDER' }.size()", equalTo(1))
                .body("history.find { it.action == 'REMINDER' }.note", containsString("without a decision"));
    }

    @Test
    void aLiftedWarningHasItsEpisodeReport() {
        int id = draft("duty", "220400", "ORANGE", Duration.ofHours(30), true, false);
        act("duty", id, "{\"action\": \"SUBMIT\"}").statusCode(200);
        as("viewer").when().get("/api/warnings/" + id + "/report").then().statusCode(409);
        act("commander", id, "{\"action\": \"APPROVE\"}").statusCode(200);
        act("duty", id, "{\"action\": \"REQUEST_CHANGE\", \"level\": \"NONE\", \"reason\": \"air cleared\"}")
                .statusCode(200);
        act("approver", id, "{\"action\": \"APPROVE\"}").statusCode(200);
        // JSON gives times in Beijing time with the offset, to the second.
        as("viewer").when().get("/api/warnings/" + id).then().statusCode(200)
                .body("warning.onset",
                        org.hamcrest.Matchers.matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00"))
                .body("warning.issuedAt", org.hamcrest.Matchers.matchesPattern(".*:\\d\\d\\+08:00"));
        // Lifted before its onset: the orders went out, but the response was never in force and cut nothing.
        as("viewer").when().get("/api/warnings/" + id + "/report").then().statusCode(200)
                .body("complete", equalTo(true)).body("exercise", equalTo(true))
                .body("levels", org.hamcrest.Matchers.empty()).body("durationHours", equalTo(0.0f))
                .body("estimatedCutTonnes.SO2", equalTo(0.0f))
                .body("issuedAt", org.hamcrest.Matchers.matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00"))
                .body("leadTimeHours", org.hamcrest.Matchers.greaterThanOrEqualTo(29.0f))
                .body("orders.ENTERPRISE.ORDER", org.hamcrest.Matchers.greaterThan(0))
                .body("delivery.ENTERPRISE.total", org.hamcrest.Matchers.greaterThan(0))
                .body("narrative", containsString("【演练】辽源市重污染天气预警")).body("narrative", containsString("响应开始前解除"));
        String page = as("viewer").when().get("/api/warnings/" + id + "/report.html").then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self';")).extract().asString();
        assertTrue(page.contains("Episode report") && page.contains("【演练 EXERCISE】") && page.contains("企业")
                && page.contains("id=\"never-in-force\"") && !page.contains("{ORDER="), page);
    }

    @Test
    void aDraftCannotBeApprovedBeforeItIsSubmitted() {
        int id = draft("duty", "220400", "YELLOW", Duration.ofHours(30), true, false);
        act("approver", id, "{\"action\": \"APPROVE\"}").statusCode(409)
                .body("error", equalTo("invalid_transition"))
                .body("details", hasItem("SUBMIT")).body("message", containsString("DRAFT"));
    }

    @Test
    void whoDraftedCanNeverApprove() {
        users.createIfAbsent(new UserStore.User("both", BcryptUtil.bcryptHash("both-demo"),
                Set.of(Roles.DUTY_OFFICER, Roles.APPROVER), "has both roles", true)).await().atMost(Duration.ofSeconds(10));
        int id = draft("both", "220400", "YELLOW", Duration.ofHours(30), true, false);
        act("both", id, "{\"action\": \"SUBMIT\"}").statusCode(200);
        act("both", id, "{\"action\": \"APPROVE\"}").statusCode(403).body("message", containsString("four-eyes"));
        act("duty2", id, "{\"action\": \"APPROVE\"}").statusCode(403);
        act("approver", id, "{\"action\": \"APPROVE\"}").statusCode(200).body("state", equalTo("ISSUED"));
    }

    @Test
    void theLeadTimeRuleHoldsUnlessHeavyPollutionIsObserved() {
        int soon = draft("duty", "220400", "YELLOW", Duration.ofHours(2), true, false);
        act("duty", soon, "{\"action\": \"SUBMIT\"}").statusCode(200);
        act("approver", soon, "{\"action\": \"APPROVE\"}").statusCode(409).body("error", equalTo("lead_time"));
        int observed = draft("duty", "220400", "YELLOW", Duration.ofHours(2), true, true);
        act("duty", observed, "{\"action\": \"SUBMIT\"}").statusCode(200);
        act("approver", observed, "{\"action\": \"APPROVE\"}").statusCode(200).body("state", equalTo("ISSUED"));
    }

    @Test
    void rolesAreCheckedOnTheServer() {
        given().contentType(ContentType.JSON).body("{}").when().post("/api/warnings").then().statusCode(401)
                .body("error", equalTo("unauthorized"));
        given().auth().preemptive().basic("duty", "wrong").when().get("/api/warnings").then().statusCode(401);
        as("viewer").body("{\"city\": \"220400\", \"level\": \"YELLOW\", \"onset\": \"" + at(Duration.ofDays(2))
                + "\", \"expectedEnd\": \"" + at(Duration.ofDays(4)) + "\"}").when().post("/api/warnings")
                .then().statusCode(403);
        int id = draft("duty", "220400", "YELLOW", Duration.ofHours(30), true, false);
        act("viewer", id, "{\"action\": \"SUBMIT\"}").statusCode(403);
    }

    @Test
    void anExerciseIsMarkedOnEveryOrderAndReachesOnlyDrillRecipients() {
        int id = draft("duty", "220400", "ORANGE", Duration.ofHours(30), true, false);
        act("duty", id, "{\"action\": \"SUBMIT\"}").statusCode(200);
        act("commander", id, "{\"action\": \"APPROVE\"}").statusCode(200).body("exercise", equalTo(true));
        int activation = as("viewer").when().get("/api/warnings/" + id).then().statusCode(200).extract()
                .path("history.find { it.action == 'APPROVE' }.activationId");
        List<String> recipients = asViewer().queryParam("limit", 1000).when()
                .get("/api/activations/" + activation + "/orders").then()
                .statusCode(200).body("exercise", everyItem(equalTo(true)))
                .body("text", everyItem(startsWith("【演练 EXERCISE】"))).extract().path("recipientId");
        // contingency-plans/220400-liaoyuan lists these for drills; nobody else may receive an exercise order.
        List<String> drill = List.of("eeb", "education", "industry-it", "E220400-00001", "E220400-00002",
                "E220400-00003", "S220400-0001", "S220400-0002");
        assertTrue(!recipients.isEmpty() && drill.containsAll(recipients), recipients.toString());
        List<Object> exercises = as("viewer").queryParam("exercise", true).when().get("/api/warnings").then()
                .statusCode(200).extract().path("id");
        assertTrue(exercises.contains(id));
    }

    private static io.restassured.specification.RequestSpecification asViewer() {
        return given().auth().preemptive().basic("viewer", "viewer-demo");
    }
}
