package io.airwarn.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.airwarn.platform.PhoneMasks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Response headers, sign-in throttling, and phone numbers kept out of logs. */
@QuarkusTest
class SecurityBasicsTest {

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

    @Test
    void fiveFailedSignInsLockTheUserForAWhile() {
        given().auth().preemptive().basic("admin", "admin-test").contentType(ContentType.JSON)
                .body("{\"username\": \"locktest\", \"password\": \"locktest-password\", \"displayName\": \"L\", "
                        + "\"roles\": [\"viewer\"]}").when().post("/api/users").then().statusCode(201);
        given().auth().preemptive().basic("locktest", "locktest-password").when().get("/api/warnings").then()
                .statusCode(200);
        for (int i = 0; i < 5; i++) {
            given().auth().preemptive().basic("locktest", "wrong-" + i).when().get("/api/warnings").then()
                    .statusCode(401);
        }
        given().auth().preemptive().basic("locktest", "locktest-password").when().get("/api/warnings").then()
                .statusCode(401);
        pool.preparedQuery("UPDATE app_user SET locked_until = now() - interval '1 second' WHERE username = $1")
                .execute(Tuple.of("locktest")).await().atMost(Duration.ofSeconds(10));
        given().auth().preemptive().basic("locktest", "locktest-password").when().get("/api/warnings").then()
                .statusCode(200);
    }

    @Test
    void phoneNumbersAreMaskedForLogs() {
        assertEquals("To +86139****5678 refused", PhoneMasks.mask("To +8613912345678 refused"));
        assertEquals("Messages.json?To=%2B86139****5678", PhoneMasks.mask("Messages.json?To=%2B8613912345678"));
        assertEquals("outbox message 12345", PhoneMasks.mask("outbox message 12345"));
    }
}
