package io.airwarn.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.airwarn.platform.AppProcesses.Instance;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL stops under a running AirWarn: requests fail cleanly with 503 while it is down, the service recovers by
 * itself when it returns, what was accepted before the outage is still there, and the audit chain is intact.
 */
class DatabaseRestartIT {

    private static final String ADMIN = AppProcesses.basic("admin", "admin-restart");
    private static final String HOUR = "/api/cities/220100/aqi/hourly?from=2016-01-01T08:00&to=2016-01-01T08:00";

    @TempDir
    Path temp;

    private static HttpResponse<String> post(Instance app, String body) throws Exception {
        return app.send(HttpRequest.newBuilder(app.uri("/api/observations")).header("Authorization", ADMIN)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** {@code airwarn_database_up} as Prometheus scrapes it from the management port. */
    private static double databaseUp(Instance app) throws Exception {
        return Scrape.parse(app.send(HttpRequest.newBuilder(app.management("/q/metrics")).GET().build()).body())
                .sum("airwarn_database_up");
    }

    private static HttpResponse<String> get(Instance app, String path) throws Exception {
        return app.send(HttpRequest.newBuilder(app.uri(path)).GET().build());
    }

    @Test
    void requestsGet503WhileTheDatabaseIsDownAndTheServiceRecoversByItself() throws Exception {
        int port = AppProcesses.freePort();
        Path pg = temp.resolve("pg");
        EmbeddedDatabase database = EmbeddedDatabase.start(pg, true, port);
        Map<String, String> env = Map.of("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl(),
                "QUARKUS_DATASOURCE_REACTIVE_URL", database.reactiveUrl(),
                "QUARKUS_DATASOURCE_USERNAME", EmbeddedDatabase.USER,
                "QUARKUS_DATASOURCE_PASSWORD", database.password(), "AIRWARN_DEMO", "false",
                "AIRWARN_ADMIN_PASSWORD", "admin-restart", "AIRWARN_DATA_DIR", temp.resolve("unused").toString(),
                "AIRWARN_METRICS_REFRESH", "PT0.5S");
        try (Instance app = AppProcesses.start(env, temp.resolve("app.log"), 0)) {
            HttpResponse<String> stored = post(app, "[{\"city\":\"220100\",\"station\":\"S1\","
                    + "\"time\":\"2016-01-01T08:00\",\"pm25\":160}]");
            assertTrue(stored.body().contains("\"rowsStored\":1"), stored.body());

            database.close();
            HttpResponse<String> down = get(app, HOUR);
            assertEquals(503, down.statusCode(), down.body());
            assertTrue(down.body().contains("database_unavailable") && !down.body().contains("\tat "), down.body());
            HttpResponse<String> refused = post(app, "[{\"city\":\"220100\",\"station\":\"S1\","
                    + "\"time\":\"2016-01-01T09:00\",\"pm25\":150}]");
            assertEquals(503, refused.statusCode(), refused.body());
            assertTrue(app.process().isAlive(), "the service keeps running");
            Eventually.await("the operators' gauge says the database is down", Duration.ofSeconds(20),
                    () -> databaseUp(app) == 0);

            database = EmbeddedDatabase.start(pg, true, port);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            HttpResponse<String> back = get(app, HOUR);
            while (back.statusCode() != 200 && Instant.now().isBefore(deadline)) {
                app.process().waitFor(500, TimeUnit.MILLISECONDS);
                back = get(app, HOUR);
            }
            assertEquals(200, back.statusCode(), back.body());
            assertTrue(back.body().contains("\"PM2_5_1H\":160.0"), "accepted before the outage: " + back.body());
            assertFalse(back.body().contains("\"PM2_5_1H\":150.0"));
            HttpResponse<String> chain = app.send(HttpRequest.newBuilder(app.uri("/api/audit/verify"))
                    .header("Authorization", ADMIN).GET().build());
            assertEquals(200, chain.statusCode(), chain.body());
            assertTrue(chain.body().contains("\"intact\":true"), "the audit chain survived the outage: " + chain.body());
            Eventually.await("and up again", Duration.ofSeconds(20), () -> databaseUp(app) == 1);
            app.stop();
        } finally {
            database.close();
        }
    }
}
