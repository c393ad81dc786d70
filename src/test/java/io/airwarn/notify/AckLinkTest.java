package io.airwarn.notify;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.airwarn.warning.IssuedWarnings;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Where the sender's policy allows links, orders carry a one-time acknowledgement link. */
@QuarkusTest
@TestProfile(AckLinkTest.Links.class)
class AckLinkTest {

    public static class Links implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("airwarn.ack.link-base", "https://airwarn.test/");
        }
    }

    private static final Pattern LINK = Pattern.compile("https://airwarn\\.test/ack/([0-9a-f]{32})");

    @Inject
    Pool pool;

    @Inject
    Dispatcher dispatcher;

    @Inject
    SandboxGateway sandbox;

    private Row row(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).await().atMost(Duration.ofSeconds(10)).iterator()
                .next();
    }

    @Test
    void aLinkShowsTheOrderAndAcknowledgesItOnceWhileItApplies() {
        int warning = IssuedWarnings.issue("220300", "ORANGE", "commander", 30);
        long activation = row("SELECT activation_id FROM warning_event WHERE warning_id = $1 AND action = 'APPROVE'",
                warning).getLong(0);
        Row order = row("SELECT short_code, mobile, text FROM plan_order WHERE activation_id = $1 AND "
                + "recipient_type = 'ENTERPRISE' AND needs_ack ORDER BY id LIMIT 1", activation);
        sandbox.clear();
        dispatcher.dispatchAll();
        String body = sandbox.received().stream().filter(m -> m.to().equals(order.getString(1))).findFirst()
                .orElseThrow().body();
        Matcher link = LINK.matcher(body);
        assertTrue(link.find() && body.contains(order.getString(0)), body);
        String token = link.group(1);

        given().when().get("/ack/" + token).then().statusCode(200).body(containsString(order.getString(2)))
                .body(containsString("<form method=\"post\">"));
        assertNull(row("SELECT acknowledged_at FROM plan_order WHERE short_code = $1", order.getString(0))
                .getOffsetDateTime(0), "opening the link (as link previews do) acknowledges nothing");
        given().when().post("/ack/" + token).then().statusCode(200).body(containsString("已于"))
                .body(not(containsString("<form")));
        Row acked = row("SELECT ack_channel, acknowledged_at FROM plan_order WHERE short_code = $1", order.getString(0));
        assertEquals("LINK", acked.getString(0));
        given().when().post("/ack/" + token).then().statusCode(200);
        assertEquals(acked.getOffsetDateTime(1), row("SELECT acknowledged_at FROM plan_order WHERE short_code = $1",
                order.getString(0)).getOffsetDateTime(0), "a second use changes nothing");

        Row superseded = row("UPDATE plan_order SET status = 'SUPERSEDED' WHERE id = (SELECT id FROM plan_order WHERE "
                + "activation_id = $1 AND ack_token IS NOT NULL AND acknowledged_at IS NULL ORDER BY id LIMIT 1) "
                + "RETURNING ack_token, short_code", activation);
        given().when().post("/ack/" + superseded.getString(0)).then().statusCode(200)
                .body(containsString("no longer applies"));
        assertNull(row("SELECT acknowledged_at FROM plan_order WHERE short_code = $1", superseded.getString(1))
                .getOffsetDateTime(0));
        given().when().get("/ack/" + "0".repeat(32)).then().statusCode(404).body(containsString("not valid"));
        given().when().post("/ack/not-a-token").then().statusCode(404);
    }
}
