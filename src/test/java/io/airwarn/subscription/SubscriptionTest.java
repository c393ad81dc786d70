package io.airwarn.subscription;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.airwarn.core.AirWarnConfig;
import io.airwarn.notify.Dispatcher;
import io.airwarn.notify.SandboxGateway;
import io.airwarn.warning.IssuedWarnings;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Public subscriptions end to end: code by SMS through the sandbox, confirmation, warnings, opt-out routes. */
@QuarkusTest
class SubscriptionTest {

    private static final String UNIT = "220800";
    private static final String UNIT_NAME = "Baicheng";
    private static final Pattern CODE = Pattern.compile("(\\d{6})");

    @Inject
    Dispatcher dispatcher;

    @Inject
    SandboxGateway sandbox;

    @Inject
    Pool pool;

    @Inject
    AirWarnConfig config;

    @BeforeEach
    void reset() {
        sandbox.configure(SandboxGateway.Settings.DEFAULT);
        sandbox.clear();
        // Each test starts a fresh rate-limit window.
        sql("DELETE FROM subscription_code_sent");
    }

    private long sql(String statement, Object... params) {
        return pool.preparedQuery(statement).execute(Tuple.from(params)).await().atMost(Duration.ofSeconds(10))
                .rowCount();
    }

    private static ValidatableResponse post(String path, String body) {
        return given().contentType(ContentType.JSON).body(body).when().post(path).then();
    }

    /** Subscribes and returns the code the number received by SMS. */
    private String subscribe(String phone) {
        post("/api/subscriptions", "{\"phone\": \"" + phone + "\", \"unit\": \"" + UNIT + "\", \"language\": \"en\"}")
                .statusCode(202).body("status", equalTo("PENDING"));
        dispatcher.dispatchAll();
        String body = sandbox.received().stream().filter(m -> m.to().equals(phone)).reduce((first, last) -> last)
                .orElseThrow().body();
        assertTrue(body.contains("warnings for " + UNIT_NAME + "."), "the unit by its name: " + body);
        Matcher m = CODE.matcher(body);
        assertTrue(m.find(), body);
        return m.group(1);
    }

    private void confirm(String phone, String code) {
        post("/api/subscriptions/confirm", "{\"phone\": \"" + phone + "\", \"unit\": \"" + UNIT + "\", \"code\": \""
                + code + "\"}").statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    void onlyConfirmedNumbersReceiveWarnings() throws InterruptedException {
        String confirmed = "+8613811110001";
        String pending = "+8613811110002";
        confirm(confirmed, subscribe(confirmed));
        subscribe(pending);
        long publicOrder = publicOrderOf(IssuedWarnings.issue(UNIT, "YELLOW", "approver", 30));
        assertEquals(1, messagesOf(publicOrder, confirmed));
        assertEquals(0, messagesOf(publicOrder, pending), "unconfirmed numbers never receive warnings");
        // Confirming while the warning is in force brings it at once, in the subscriber's language; the number
        // subscribed before still has it once.
        confirm(pending, subscribe(pending));
        io.airwarn.platform.Eventually.await("the new subscriber gets the warning in force", Duration.ofSeconds(10),
                () -> messagesOf(publicOrder, pending) == 1);
        assertEquals(1, messagesOf(publicOrder, confirmed));
        assertTrue(pool.preparedQuery("SELECT body FROM outbox WHERE phone = $1 AND order_id = $2")
                .execute(Tuple.of(pending, publicOrder)).await().atMost(Duration.ofSeconds(10)).iterator().next()
                .getString(0).contains("heavy-pollution warning"), "in English, as subscribed");
    }

    /** A warning's public order: a subscriber may also have the message of a warning in force from another test. */
    private long publicOrderOf(int warning) {
        return pool.preparedQuery("SELECT o.id FROM plan_order o JOIN warning_event e ON "
                + "e.activation_id = o.activation_id WHERE e.warning_id = $1 AND o.recipient_type = 'PUBLIC'")
                .execute(Tuple.of(warning)).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    private long messagesOf(long order, String phone) {
        return pool.preparedQuery("SELECT count(*) FROM outbox WHERE phone = $1 AND order_id = $2")
                .execute(Tuple.of(phone, order)).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    /** Every client starts with a clean count: the limits are per client network, and the whole suite is one. */
    @BeforeEach
    void forgetEarlierRequestsOfThisClient() {
        pool.query("DELETE FROM subscription_code_sent").execute().await().atMost(Duration.ofSeconds(10));
        pool.query("DELETE FROM subscription_confirm_attempt").execute().await().atMost(Duration.ofSeconds(10));
    }

    private ValidatableResponse confirmWith(String phone, String code) {
        return post("/api/subscriptions/confirm", "{\"phone\": \"" + phone + "\", \"unit\": \"" + UNIT
                + "\", \"code\": \"" + code + "\"}");
    }

    @Test
    void wrongCodesBurnTheCodeAndNoAnswerTellsWhichNumbersSubscribed() {
        String phone = "+8613811110003";
        String code = subscribe(phone);
        String wrong = code.equals("000000") ? "111111" : "000000";
        String unknownAnswer = confirmWith("+8613811119999", wrong).statusCode(200).extract().asString();
        String wrongAnswer = confirmWith(phone, wrong).statusCode(200).extract().asString();
        assertEquals(unknownAnswer.replace("+8613811119999", phone), wrongAnswer,
                "an unknown number and a wrong code get the same answer");
        for (int i = 0; i < 4; i++) {
            confirmWith(phone, wrong).statusCode(200).body("status", equalTo("REJECTED"));
        }
        confirmWith(phone, code).statusCode(200).body("status", equalTo("REJECTED"))
                .body("message", equalTo(wrongAnswer.replaceAll(".*\"message\":\"([^\"]*)\".*", "$1")));
    }

    @Test
    void confirmationsHaveTheirOwnLimitPerClientNetwork() {
        for (int i = 0; i < 20; i++) {
            confirmWith(String.format("+86138111120%02d", i), "123456").statusCode(200);
        }
        confirmWith("+8613811112099", "123456").statusCode(429).body("error", equalTo("rate_limited"));
    }

    @Test
    void onlyMobilesOfTheConfiguredCountriesMaySubscribe() {
        long codes = pool.query("SELECT count(*) FROM subscription").execute().await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
        for (String foreign : new String[]{"+447700900123", "+12025550123", "+8816212345678", "+85291234567"}) {
            post("/api/subscriptions", "{\"phone\": \"" + foreign + "\", \"unit\": \"" + UNIT + "\"}").statusCode(400)
                    .body("error", equalTo("invalid_phone"));
        }
        assertEquals(codes, pool.query("SELECT count(*) FROM subscription").execute().await()
                .atMost(Duration.ofSeconds(10)).iterator().next().getLong(0), "nothing stored for a refused number");
    }

    @Test
    void mainlandNumbersAreAcceptedAsPeopleTypeThem() {
        post("/api/subscriptions", "{\"phone\": \"138 1111 0009\", \"unit\": \"" + UNIT + "\"}").statusCode(202)
                .body("phone", equalTo("+8613811110009"));
        post("/api/subscriptions", "{\"phone\": \"0086-138-1111-0009\", \"unit\": \"" + UNIT + "\"}")
                .statusCode(202).body("phone", equalTo("+8613811110009"));
        assertEquals(1, pool.preparedQuery("SELECT count(*) FROM subscription WHERE phone = $1")
                .execute(Tuple.of("+8613811110009")).await().atMost(Duration.ofSeconds(10)).iterator().next()
                .getLong(0), "one subscription, however the number was typed");
        post("/api/subscriptions", "{\"phone\": \"1381111\", \"unit\": \"" + UNIT + "\"}").statusCode(400)
                .body("error", equalTo("invalid_phone"));
    }

    @Test
    void theFormCannotFloodANumber() {
        String phone = "+8613811110004";
        for (int i = 0; i < 3; i++) {
            post("/api/subscriptions", "{\"phone\": \"" + phone + "\", \"unit\": \"" + UNIT + "\"}").statusCode(202);
        }
        post("/api/subscriptions", "{\"phone\": \"" + phone + "\", \"unit\": \"" + UNIT + "\"}").statusCode(429)
                .body("error", equalTo("rate_limited"));
        post("/api/subscriptions", "{\"phone\": \"12345\", \"unit\": \"" + UNIT + "\"}").statusCode(400);
        post("/api/subscriptions", "{\"phone\": \"+8613811110005\", \"unit\": \"" + UNIT + "\", \"language\": \"fr\"}")
                .statusCode(400);
    }

    @Test
    void optOutByReplyByTheWebAndByTwilio21610() {
        String byReply = "+8613811110006";
        String byWeb = "+8613811110007";
        String byTwilio = "+8613811110008";
        confirm(byReply, subscribe(byReply));
        confirm(byWeb, subscribe(byWeb));
        confirm(byTwilio, subscribe(byTwilio));

        Map<String, String> reply = Map.of("From", byReply, "To", "+15005550006", "Body", " 退订 ", "MessageSid", "SMin1");
        String url = "http://localhost:" + RestAssured.port + "/api/twilio/inbound";
        String form = "application/x-www-form-urlencoded; charset=UTF-8";
        given().contentType(form).formParams(reply).header("X-Twilio-Signature", "forged")
                .when().post("/api/twilio/inbound").then().statusCode(403);
        given().contentType(form).formParams(reply)
                .header("X-Twilio-Signature", sign(config.twilio().authToken(), url, reply))
                .when().post("/api/twilio/inbound").then().statusCode(200);

        post("/api/subscriptions/opt-out", "{\"phone\": \"" + byWeb + "\", \"unit\": \"" + UNIT + "\"}").statusCode(202);
        dispatcher.dispatchAll();
        String body = sandbox.received().stream().filter(m -> m.to().equals(byWeb) && m.body().contains("opt-out"))
                .findFirst().orElseThrow().body();
        Matcher m = CODE.matcher(body);
        assertTrue(m.find());
        post("/api/subscriptions/opt-out/confirm", "{\"phone\": \"" + byWeb + "\", \"unit\": \"" + UNIT
                + "\", \"code\": \"" + m.group(1) + "\"}").statusCode(200).body("status", equalTo("OPTED_OUT"));

        sandbox.unsubscribe(byTwilio);
        long publicOrder = publicOrderOf(IssuedWarnings.issue(UNIT, "YELLOW", "approver", 30));
        dispatcher.dispatchAll();
        assertEquals(0, messagesOf(publicOrder, byReply));
        assertEquals(0, messagesOf(publicOrder, byWeb));
        assertEquals(1, messagesOf(publicOrder, byTwilio), "21610 is only known once a send fails");
        assertEquals(1, sql("SELECT 1 FROM subscription WHERE phone = $1 AND status = 'OPTED_OUT'", byTwilio));
        assertEquals(1, sql("SELECT 1 FROM outbox WHERE phone = $1 AND order_id = $2 AND status = 'FAILED' "
                + "AND error_code = 21610", byTwilio, publicOrder));
    }

    private static String sign(String token, String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
