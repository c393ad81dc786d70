package io.airwarn.plan;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The plans API on the shipped sample plans and real PostgreSQL. */
@QuarkusTest
class PlanApiTest {

    @Inject
    Pool pool;

    private long count(String sql) {
        return pool.query(sql).execute().await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    private static ValidatableResponse post(String path, String body) {
        return given().auth().preemptive().basic("commander", "commander-demo").contentType(ContentType.JSON)
                .body(body).when().post(path).then();
    }

    @Test
    void activationAndReloadNeedTheirRoles() {
        given().contentType(ContentType.JSON).body("{\"level\": \"RED\", \"responseStart\": \"2026-12-01T07:00+08:00\"}")
                .when().post("/api/plans/220300/activations").then().statusCode(401);
        asDuty().contentType(ContentType.JSON)
                .body("{\"level\": \"RED\", \"responseStart\": \"2026-12-01T07:00+08:00\"}")
                .when().post("/api/plans/220300/activations").then().statusCode(403);
        given().auth().preemptive().basic("commander", "commander-demo").when().post("/api/plans/reload").then()
                .statusCode(403);
        given().auth().preemptive().basic("admin", "admin-test").when().post("/api/plans/reload").then()
                .statusCode(200).body("size()", equalTo(12));
    }

    @Test
    void loadedPlanVersionsAreAudited() {
        given().auth().preemptive().basic("admin", "admin-test").when().get("/api/audit").then().statusCode(200)
                .body("findAll { it.action == 'plan.load' }.entityId", org.hamcrest.Matchers.hasItems("220100", "220300"));
    }

    @Test
    void everyShippedPlanIsLoadedValidAndMarkedAsSample() {
        asDuty().when().get("/api/plans").then().statusCode(200)
                .body("size()", equalTo(12))
                .body("valid", everyItem(equalTo(true)))
                .body("sample", everyItem(equalTo(true)))
                .body("find { it.unit == '220100' }.enterprises", equalTo(1500))
                .body("find { it.unit == '220100' }.schools", equalTo(800));
        asDuty().when().get("/api/plans/220100").then().statusCode(200)
                .body("report.valid", equalTo(true))
                .body("report.reductions.size()", equalTo(12))
                .body("responsibleUnits.size()", equalTo(11))
                .body("name", containsString("SAMPLE"));
    }

    @Test
    void previewShowsTheConsequencesWithoutStoringAnything() {
        long before = count("SELECT count(*) FROM plan_order");
        long subscribers = count("SELECT count(*) FROM subscription WHERE unit = '220100' AND status = 'ACTIVE'");
        var preview = post("/api/plans/220100/preview", """
                {"level": "RED", "previousLevel": "NONE", "responseStart": "2026-12-01T21:00+08:00"}""")
                .statusCode(200)
                .body("recipients.ENTERPRISE", equalTo(1500))
                .body("recipients.SCHOOL", equalTo(800))
                .body("recipients.PUBLIC", equalTo(1))
                .body("reductions.size()", equalTo(4))
                .body("reductions.level", everyItem(equalTo("RED")))
                .body("reductions.met", everyItem(equalTo(true)))
                .body("orders.size()", equalTo(2308))
                .body("cost.subscribers", equalTo((int) subscribers)).extract().jsonPath();
        int sms = preview.getInt("orders.findAll { it.mobile != null }.size()");
        assertEquals(sms + subscribers, preview.getLong("cost.messages"), "one SMS per reachable order and subscriber");
        // The Chinese orders are UCS-2 and longer than one 70-character segment, but carry the Chinese alone (the
        // plan's English halves made them 2.7 segments each).
        assertTrue(preview.getLong("cost.segments") > preview.getLong("cost.messages")
                && preview.getLong("cost.segments") < 2L * preview.getLong("cost.messages"), preview.getString("cost"));
        assertEquals(before, count("SELECT count(*) FROM plan_order"));
    }

    @Test
    void directActivationsAreExercisesOnlyWithTheirActorAndAudit() {
        long activations = count("SELECT count(*) FROM activation");
        long audit = count("SELECT count(*) FROM audit_log");
        for (String exercise : new String[]{"", ", \"exercise\": false", ", \"exercise\": \" \"",
                ", \"exercise\": \"\"", ", \"exercise\": 0", ", \"exercise\": 1", ", \"exercise\": null",
                ", \"exercise\": \"yes\"", ", \"exercise\": \"true\""}) {
            post("/api/plans/220300/activations", "{\"level\": \"RED\", \"responseStart\": "
                    + "\"2026-12-09T08:00+08:00\"" + exercise + "}").statusCode(400).body("error", notNullValue());
        }
        assertEquals(activations, count("SELECT count(*) FROM activation"), "a refused activation stores nothing");
        assertEquals(audit, count("SELECT count(*) FROM audit_log"));

        int id = post("/api/plans/220300/activations", """
                {"level": "ORANGE", "responseStart": "2026-12-09T08:00+08:00", "exercise": true}""")
                .statusCode(200).body("created", equalTo(true)).extract().path("activationId");
        asViewer().when().get("/api/activations/" + id).then().statusCode(200).body("exercise", equalTo(true))
                .body("actor", equalTo("commander")).body("warningId", nullValue());
        assertEquals(1, count("SELECT count(*) FROM audit_log WHERE action = 'plan.exercise' AND actor = 'commander' "
                + "AND entity_id = '" + id + "'"));
        assertEquals(0, count("SELECT count(*) FROM activation WHERE id = " + id + " AND NOT exercise"));
    }

    @Test
    void anActivationIsStoredOnceAndItsOrdersListed() {
        String red = """
                {"level": "RED", "previousLevel": "NONE", "responseStart": "2026-12-05T08:00+08:00",
                 "exercise": true, "widenExercise": true}""";
        int id = post("/api/plans/220300/activations", red).statusCode(200).body("created", equalTo(true))
                .extract().path("activationId");
        int orders = asViewer().when().get("/api/activations/" + id).then().statusCode(200)
                .body("unit", equalTo("220300")).body("planVersion", equalTo("2026.1-sample"))
                .body("level", equalTo("RED")).extract().path("orders");
        post("/api/plans/220300/activations", red).statusCode(200)
                .body("created", equalTo(false)).body("activationId", equalTo(id));
        assertEquals(orders, count("SELECT count(*) FROM plan_order WHERE activation_id = " + id));
        asViewer().queryParam("type", "SCHOOL").queryParam("limit", 1000).when().get("/api/activations/" + id + "/orders")
                .then().statusCode(200).body("size()", equalTo(80))
                .body("status", everyItem(equalTo("OPEN")));

        int lift = post("/api/plans/220300/activations", """
                {"level": "NONE", "previousLevel": "RED", "responseStart": "2026-12-07T10:00+08:00",
                 "exercise": true, "widenExercise": true}""")
                .statusCode(200).body("created", equalTo(true)).extract().path("activationId");
        assertNotEquals(id, lift);
        asViewer().queryParam("limit", 1000).when().get("/api/activations/" + lift + "/orders").then().statusCode(200)
                .body("kind", everyItem(equalTo("ALL_CLEAR"))).body("status", everyItem(equalTo("CLOSED")));
        assertEquals(0, count("SELECT count(*) FROM plan_order WHERE activation_id = " + id + " AND status = 'OPEN'"),
                "the all-clear supersedes every open order");
    }

    @Test
    void badRequestsAreRefused() {
        post("/api/plans/220100/preview", "{\"level\": \"PURPLE\", \"responseStart\": \"2026-12-01T07:00+08:00\"}")
                .statusCode(400).body("message", containsString("PURPLE"));
        post("/api/plans/220100/preview", "{\"level\": \"RED\"}").statusCode(400)
                .body("message", containsString("responseStart"));
        post("/api/plans/220100/preview", "{\"level\": \"RED\", \"responseStart\": \"tomorrow\"}").statusCode(400);
        post("/api/plans/999999/preview", "{\"level\": \"RED\", \"responseStart\": \"2026-12-01T07:00+08:00\"}")
                .statusCode(404);
        asViewer().when().get("/api/activations/987654").then()
                .statusCode(404);
        asViewer().queryParam("limit", 5000).when()
                .get("/api/activations/1/orders").then().statusCode(400);
        given().when().get("/api/activations/1/orders").then().statusCode(401);
    }

    private static io.restassured.specification.RequestSpecification asViewer() {
        return given().auth().preemptive().basic("viewer", "viewer-demo");
    }

    /** A duty officer: importing observations, running forecasts and reading plans need one. */
    private static io.restassured.specification.RequestSpecification asDuty() {
        return given().auth().preemptive().basic("duty", "duty-demo");
    }
}
