package io.airwarn.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.airwarn.core.ClientNetworks;
import io.airwarn.core.PhoneMasks;
import io.airwarn.platform.MovableClock;
import io.airwarn.user.SignInThrottle;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Response headers, sign-in throttling, and phone numbers kept out of logs. */
@QuarkusTest
class SecurityBasicsTest {

    @Inject
    MovableClock clock;

    @AfterEach
    void timeAsItWas() {
        clock.reset();
    }

    @Inject
    Pool pool;

    @Test
    void pagesForbidInlineScriptAndFramingAndEveryAnswerForbidsSniffing() {
        given().when().get("/").then().statusCode(200)
                .header("Content-Security-Policy", containsString("; script-src 'self'; "))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Frame-Options", equalTo("DENY")).header("X-Content-Type-Options", equalTo("nosniff"));
        given().when().get("/login").then().statusCode(200)
                .header("Content-Security-Policy", containsString("default-src 'self'"));
        given().when().get("/api/public/warnings").then().statusCode(200)
                .header("X-Content-Type-Options", equalTo("nosniff")).header("Content-Security-Policy", nullValue());
    }

    /** HTTP status of GET /api/warnings signed in as {@code user}, sent from the loopback address {@code from}. */
    private static int statusFrom(String from, String user, String password) throws Exception {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", RestAssured.port), 10_000);
            socket.setSoTimeout(10_000);
            String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().write(("GET /api/warnings HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + "Authorization: Basic " + auth + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    @Test
    void failedSignInsSlowDownTheirOwnAddressOnlyAndUnknownUsersAlike() throws Exception {
        given().auth().preemptive().basic("admin", "admin-test").contentType(ContentType.JSON)
                .body("{\"username\": \"locktest\", \"password\": \"locktest-password\", \"displayName\": \"L\", "
                        + "\"roles\": [\"viewer\"]}").when().post("/api/users").then().statusCode(201);
        assertEquals(200, statusFrom("127.0.0.1", "locktest", "locktest-password"));
        for (int i = 0; i < 4; i++) {
            assertEquals(401, statusFrom("127.0.0.1", "locktest", "wrong-" + i));
        }
        assertEquals(401, statusFrom("127.0.0.1", "locktest", "locktest-password"),
                "the address that guessed waits, even with the right password");
        assertEquals(200, statusFrom("127.0.0.2", "locktest", "locktest-password"),
                "the real user at another address is not locked out");

        clock.advance(SignInThrottle.delayAfter(4).plusSeconds(1));
        assertEquals(200, statusFrom("127.0.0.1", "locktest", "locktest-password"), "after the wait");

        for (int i = 0; i < 4; i++) {
            assertEquals(401, statusFrom("127.0.0.1", "nobody-" + "x", "wrong-" + i));
        }
        long unknown = pool.preparedQuery("SELECT failures FROM sign_in_failure WHERE username = $1")
                .execute(Tuple.of("nobody-x")).await().atMost(Duration.ofSeconds(10)).iterator().next().getInteger(0);
        assertEquals(3, unknown, "an unknown name is counted and slowed down as a known one is: three failures, "
                + "then the fourth try waits");
    }

    @Test
    void absoluteLinksNeverComeFromTheHostHeaderAndEveryHtmlAnswerCarriesTheCsp() {
        String atom = given().header("Host", "evil.example").when().get("/cap/alerts.atom").then().statusCode(200)
                .extract().asString();
        assertFalse(atom.contains("evil.example"), atom);
        assertTrue(atom.contains("http://localhost:" + RestAssured.port + "/cap/alerts.atom"), atom);
        String location = given().header("Host", "evil.example").redirects().follow(false).when().get("/console")
                .then().statusCode(302).extract().header("Location");
        assertEquals("/login", location, "relative while AIRWARN_PUBLIC_URL is unset, never the request's Host");

        // HTML outside the pages' paths too (the episode report's HTML is checked in WarningLifecycleTest).
        given().when().get("/q/swagger-ui/").then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("object-src 'none'"));
    }

    @Test
    void weakPasswordsAndNonTextUserNamesAreRefusedAndNothingIsStored() {
        long users = pool.query("SELECT count(*) FROM app_user").execute().await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
        String[][] refused = {{"\"weakling\"", "\"short-pw\"", "12 characters"},
                {"\"weakling\"", "\"aaaaaaaaaaaaaaaa\"", "repeated"},
                {"\"weakling-name\"", "\"Weakling-Name\"", "user name"},
                {"123456", "\"long-enough-password\"", "username"},
                {"true", "\"long-enough-password\"", "username"}};
        for (String[] r : refused) {
            given().auth().preemptive().basic("admin", "admin-test").contentType(ContentType.JSON)
                    .body("{\"username\": " + r[0] + ", \"password\": " + r[1] + ", \"displayName\": \"W\", "
                            + "\"roles\": [\"viewer\"]}").when().post("/api/users").then().statusCode(400)
                    .body(containsString(r[2]));
        }
        assertEquals(users, pool.query("SELECT count(*) FROM app_user").execute().await()
                .atMost(Duration.ofSeconds(10)).iterator().next().getLong(0));
    }

    @Test
    void theWaitDoublesUpToAQuarterOfAnHourAndIPv6CountsBySlash64() {
        assertEquals(Duration.ZERO, SignInThrottle.delayAfter(2));
        assertEquals(Duration.ofSeconds(1), SignInThrottle.delayAfter(3));
        assertEquals(Duration.ofSeconds(8), SignInThrottle.delayAfter(6));
        assertEquals(Duration.ofMinutes(15), SignInThrottle.delayAfter(40));
        assertEquals("203.0.113.0/24", ClientNetworks.of("203.0.113.77", 24, 64));
        assertEquals(ClientNetworks.of("2001:db8:1:2::1", 24, 64), ClientNetworks.of("2001:db8:1:2:ffff::9", 24, 64));
        assertEquals("not-an-address", ClientNetworks.of("not-an-address", 24, 64));
    }

    @Test
    void phoneNumbersAreMaskedForLogs() {
        assertEquals("To +86139****5678 refused", PhoneMasks.mask("To +8613912345678 refused"));
        assertEquals("Messages.json?To=%2B86139****5678", PhoneMasks.mask("Messages.json?To=%2B8613912345678"));
        assertEquals("outbox message 12345", PhoneMasks.mask("outbox message 12345"));
    }
}
