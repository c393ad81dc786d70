package io.airwarn.notify;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.airwarn.core.AirWarnConfig;
import io.airwarn.platform.MovableClock;
import io.airwarn.warning.IssuedWarnings;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Enterprise, school and unit users created by an administrator see and acknowledge only their own orders, including
 * the escalations addressed to a supervising unit; staff screens stay closed to them.
 */
@QuarkusTest
class RecipientAccessTest {

    @Inject
    Pool pool;

    @Inject
    Acknowledgements acknowledgements;

    @Inject
    MovableClock clock;

    @Inject
    AirWarnConfig config;

    @AfterEach
    void timeAsItWas() {
        clock.reset();
    }

    private Row row(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).await().atMost(Duration.ofSeconds(10)).iterator()
                .next();
    }

    private static RequestSpecification as(String user, String password) {
        return given().auth().preemptive().basic(user, password).contentType(ContentType.JSON);
    }

    private static RequestSpecification admin() {
        return as("admin", "admin-test");
    }

    private static String user(String name, String role, String unit, String id) {
        return String.format("{\"username\": \"%s\", \"password\": \"%s-password\", \"displayName\": \"%s\", "
                + "\"roles\": [\"%s\"], \"recipient\": {\"unit\": \"%s\", \"id\": \"%s\"}}", name, name, name, role,
                unit, id);
    }

    @Test
    void administratorsCreateRecipientUsersAndRefuseBadOnes() {
        as("duty", "duty-demo").body(user("plant-x", "enterprise", "220800", "E220800-00001")).when()
                .post("/api/users").then().statusCode(403);
        admin().body("{\"username\": \"X\", \"password\": \"short\", \"displayName\": \"\", "
                        + "\"roles\": [\"enterprise\", \"viewer\"]}").when().post("/api/users").then().statusCode(400)
                .body("details.size()", equalTo(4));
        admin().body("{\"username\": \"plant-y\", \"password\": \"long-enough-1\", \"displayName\": \"y\", "
                + "\"roles\": [\"school\"]}").when().post("/api/users").then().statusCode(400)
                .body("details[0]", equalTo("recipient: an enterprise, school or unit user needs {\"unit\": ..., "
                        + "\"id\": ...}"));
        admin().body(user("plant-z", "enterprise", "220800", "E999")).when().post("/api/users").then().statusCode(400)
                .body("details[0]", equalTo("recipient: unit 220800's plan has no recipient E999"));
        admin().body(user("plant-x", "enterprise", "220800", "E220800-00001")).when().post("/api/users").then()
                .statusCode(201).body("recipient.id", equalTo("E220800-00001"));
        admin().body(user("plant-x", "enterprise", "220800", "E220800-00002")).when().post("/api/users").then()
                .statusCode(409);
        admin().when().get("/api/users").then().statusCode(200).body("username", hasItems("plant-x", "enterprise"))
                .body("[0]", not(hasKey("passwordHash")));
        given().when().get("/api/users").then().statusCode(401);
    }

    @Test
    void recipientsActOnlyOnTheirOwnOrdersAndSupervisorsOnTheirEscalations() {
        int warning = IssuedWarnings.issue("220800", "ORANGE", "commander", 30);
        long activation = row("SELECT activation_id FROM warning_event WHERE warning_id = $1 AND action = 'APPROVE'",
                warning).getLong(0);
        Row mine = row("SELECT short_code, recipient_id FROM plan_order WHERE activation_id = $1 AND recipient_type = "
                + "'ENTERPRISE' AND needs_ack AND supervisor_id = 'eeb' ORDER BY id LIMIT 1", activation);
        Row theirs = row("SELECT short_code FROM plan_order WHERE activation_id = $1 AND recipient_type = 'ENTERPRISE' "
                + "AND needs_ack AND recipient_id <> $2 ORDER BY id LIMIT 1", activation, mine.getString(1));
        admin().body(user("plant-mine", "enterprise", "220800", mine.getString(1))).when().post("/api/users").then()
                .statusCode(201);
        admin().body(user("eeb-baicheng", "unit", "220800", "eeb")).when().post("/api/users").then().statusCode(201);
        RequestSpecification plant = as("plant-mine", "plant-mine-password");

        plant.when().get("/api/orders/mine").then().statusCode(200).body("code", hasItem(mine.getString(0)));
        as("plant-mine", "plant-mine-password").when().get("/api/orders/" + theirs.getString(0)).then().statusCode(404);
        as("plant-mine", "plant-mine-password").when().post("/api/orders/" + theirs.getString(0) + "/ack").then()
                .statusCode(404);
        assertNull(row("SELECT acknowledged_at FROM plan_order WHERE short_code = $1", theirs.getString(0))
                .getOffsetDateTime(0), "another enterprise's order stays unacknowledged");
        as("plant-mine", "plant-mine-password").when().get("/api/warnings").then().statusCode(403);
        as("plant-mine", "plant-mine-password").when().get("/api/activations/" + activation + "/orders").then()
                .statusCode(403);

        clock.advance(config.ack().orange().plusMinutes(1));
        acknowledgements.escalate().await().atMost(Duration.ofSeconds(30));
        String escalation = as("eeb-baicheng", "eeb-baicheng-password").when().get("/api/orders/mine").then()
                .statusCode(200).extract().path("find { it.escalates == '" + mine.getString(0) + "' }.code");
        as("eeb-baicheng", "eeb-baicheng-password").when().post("/api/orders/" + escalation + "/ack").then()
                .statusCode(200).body("channel", equalTo("WEB")).body("recipientType", equalTo("SUPERVISOR"));
        as("eeb-baicheng", "eeb-baicheng-password").when().post("/api/orders/" + theirs.getString(0) + "/ack").then()
                .statusCode(404);

        // The bureau's portal lists the silent orders it follows up as one list to work through, below its own.
        Map<String, String> session = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "eeb-baicheng").formParam("j_password", "eeb-baicheng-password")
                .when().post("/j_security_check").then().statusCode(302).extract().cookies();
        String portal = given().cookies(session).when().get("/portal").then().statusCode(200).extract().asString();
        assertTrue(portal.contains("id=\"escalations\"") && portal.contains("id=\"silent-" + mine.getString(0) + "\"")
                && portal.contains("id=\"on-behalf-all\"") && !portal.contains("%CODE%"), portal);

        // The bureau acknowledges, for their recipients, silent orders it was sent escalations about; only those.
        String chasedUp = row("SELECT short_code FROM plan_order WHERE activation_id = $1 AND needs_ack AND "
                + "supervisor_id = 'eeb' AND acknowledged_at IS NULL AND short_code <> $2 ORDER BY id LIMIT 1",
                activation, mine.getString(0)).getString(0);
        String notItsOwn = row("SELECT short_code FROM plan_order WHERE activation_id = $1 AND needs_ack AND "
                + "supervisor_id <> 'eeb' AND acknowledged_at IS NULL ORDER BY id LIMIT 1", activation).getString(0);
        as("eeb-baicheng", "eeb-baicheng-password").contentType("application/json")
                .body(Map.of("codes", List.of(chasedUp, notItsOwn, "nonsense"))).when()
                .post("/api/orders/acknowledge-on-behalf").then().statusCode(200).body("acknowledged", equalTo(1));
        assertNull(row("SELECT acknowledged_at FROM plan_order WHERE short_code = $1", notItsOwn)
                .getOffsetDateTime(0), "an order another bureau follows up stays unacknowledged");
        given().auth().preemptive().basic("viewer", "viewer-demo").when().get("/api/orders/" + chasedUp).then()
                .statusCode(200).body("channel", equalTo("ON_BEHALF")).body("acknowledgedBy", equalTo("eeb-baicheng"));
        as("eeb-baicheng", "eeb-baicheng-password").contentType("application/json").body(Map.of("codes", List.of()))
                .when().post("/api/orders/acknowledge-on-behalf").then().statusCode(400);
        as("plant-mine", "plant-mine-password").contentType("application/json")
                .body(Map.of("codes", List.of(theirs.getString(0)))).when().post("/api/orders/acknowledge-on-behalf")
                .then().statusCode(403);
        as("plant-mine", "plant-mine-password").when().post("/api/orders/" + mine.getString(0) + "/ack").then()
                .statusCode(200).body("channel", equalTo("WEB")).body("acknowledgedBy", equalTo("plant-mine"))
                .body("escalationLevel", equalTo(1));
    }
}
