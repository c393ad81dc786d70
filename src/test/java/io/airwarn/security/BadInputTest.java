package io.airwarn.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A corpus of malformed input for the entry points that take data: every item gets a 4xx, or (for the row-by-row
 * observation import) a validation report that stores nothing and names each row's problem; never a 5xx or a stack
 * trace; the stored data do not change.
 */
@QuarkusTest
class BadInputTest {

    @Inject
    Pool pool;

    /** One malformed request: where it goes, its content type and body. */
    record Bad(String name, String method, String path, String contentType, byte[] body) {
        Bad(String name, String method, String path, String contentType, String body) {
            this(name, method, path, contentType, body.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String deep(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    static List<Bad> corpus() {
        byte[] invalidUtf8 = {'[', '{', '"', 'c', 'i', 't', 'y', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', ']'};
        String huge = "[{\"city\": \"" + "x".repeat(100_000) + "\", \"station\": \"S\", "
                + "\"time\": \"2015-01-01T00:00\", \"pm25\": 1}]";
        return List.of(
                new Bad("wrong type", "POST", "/api/observations", "application/json",
                        "[{\"city\": \"220100\", \"station\": \"S\", \"time\": \"2015-01-01T00:00\", \"pm25\": \"high\"}]"),
                new Bad("object instead of array", "POST", "/api/observations", "application/json", "{\"a\": 1}"),
                new Bad("deep nesting", "POST", "/api/observations", "application/json", deep(5000)),
                new Bad("invalid UTF-8", "POST", "/api/observations", "application/json", invalidUtf8),
                new Bad("huge value", "POST", "/api/observations", "application/json", huge),
                new Bad("SQL injection as a city", "POST", "/api/observations", "application/json",
                        "[{\"city\": \"220100'; DROP TABLE observation; --\", \"station\": \"S\", "
                                + "\"time\": \"2015-01-01T00:00\", \"pm25\": 1}]"),
                new Bad("script as a station", "POST", "/api/observations?city=220100", "application/json",
                        "[{\"city\": \"999999\", \"station\": \"<script>alert(1)</script>\", "
                                + "\"time\": \"2015-01-01T00:00\", \"pm25\": 1}]"),
                new Bad("formula cell in CSV", "POST", "/api/observations/csv?city=220100&station=S", "text/csv",
                        "No,year,month,day,hour,PM2.5\n=cmd|' /C calc'!A0,2015,1,1,0,=1+1\n"),
                new Bad("not CSV at all", "POST", "/api/observations/csv?city=220100&station=S", "text/csv",
                        "\u0000\u0001\u0002binary"),
                new Bad("path traversal as a unit", "POST", "/api/cities/..%2F..%2Fetc%2Fpasswd/met-forecast",
                        "application/json", "[]"),
                new Bad("met forecast wrong types", "POST", "/api/cities/220100/met-forecast", "application/json",
                        "[{\"day\": \"tomorrow\", \"temperature\": \"warm\"}]"),
                new Bad("warning action unknown", "POST", "/api/warnings/1/actions", "application/json",
                        "{\"action\": \"DESTROY\"}"),
                new Bad("warning draft wrong types", "POST", "/api/warnings", "application/json",
                        "{\"city\": 220100, \"level\": [\"RED\"], \"onset\": true}"),
                new Bad("subscription with script", "POST", "/api/subscriptions", "application/json",
                        "{\"phone\": \"<script>\", \"unit\": \"220100\", \"language\": \"zh-CN\"}"),
                new Bad("subscription deep nesting", "POST", "/api/subscriptions", "application/json", deep(3000)),
                new Bad("AQI calculation wrong types", "POST", "/api/aqi/calculate", "application/json",
                        "{\"concentrations\": {\"PM2_5_24H\": \"lots\"}}"),
                new Bad("preview with a bad level", "POST", "/api/plans/220100/preview", "application/json",
                        "{\"level\": \"PURPLE\", \"responseStart\": \"2026-12-01T07:00+08:00\"}"),
                new Bad("user with markup and SQL", "POST", "/api/users", "application/json",
                        "{\"username\": \"x'; DROP TABLE app_user; --\", \"password\": \"p\", \"roles\": [\"god\"]}"),
                new Bad("baseline wrong type", "PUT", "/api/targets/baselines", "application/json",
                        "{\"unit\": \"220100\", \"pollutant\": \"PM10\", \"year\": \"2012\", \"value\": \"much\"}"),
                new Bad("quality decision bad time", "POST", "/api/stations/1/quality/decisions", "application/json",
                        "{\"observedAt\": \"yesterday\", \"pollutant\": \"SO2\", \"reason\": \"SPIKE\", "
                                + "\"decision\": \"OVERRULE\", \"note\": \"n\"}"),
                new Bad("unsigned Twilio callback", "POST", "/api/twilio/status", "application/x-www-form-urlencoded",
                        "MessageSid=SM1&MessageStatus=delivered"),
                new Bad("CAP identifier traversal", "GET", "/cap/..%2F..%2Fetc%2Fpasswd.xml", null, ""),
                new Bad("rankings bad period", "GET", "/api/public/rankings?period=2015-13", null, ""),
                new Bad("scheduled runs, SQL as the job", "GET", "/api/scheduled-runs?job=x'%20OR%20'1'='1", null, ""),
                new Bad("scheduled runs, limit out of range", "GET", "/api/scheduled-runs?limit=100000000", null, ""),
                new Bad("NUL in a string", "POST", "/api/warnings", "application/json",
                        "{\"city\": \"220100\\u0000\", \"level\": \"RED\", \"onset\": \"2030-01-02T07:00+08:00\", "
                                + "\"expectedEnd\": \"2030-01-04T07:00+08:00\"}"),
                new Bad("NUL in a query", "GET", "/api/cities/220100/aqi/daily?from=2015-01-01%00&to=2015-01-02",
                        null, ""),
                new Bad("NUL in a path", "GET", "/api/cities/2201%0000/stations", null, ""),
                new Bad("date beyond the database's range", "POST", "/api/warnings", "application/json",
                        "{\"city\": \"220100\", \"level\": \"RED\", \"onset\": \"+294277-01-01T00:00:00Z\", "
                                + "\"expectedEnd\": \"+294277-01-03T00:00:00Z\"}"),
                new Bad("date before the calendar", "GET", "/api/cities/220100/aqi/daily?from=-4714-01-01&to=-4714-01-02",
                        null, ""),
                new Bad("observation hour beyond the range", "POST", "/api/observations", "application/json",
                        "[{\"city\": \"220100\", \"station\": \"S\", \"time\": \"+294277-01-01T00:00\", \"pm25\": 1}]"),
                new Bad("a number as a date", "POST", "/api/warnings", "application/json",
                        "{\"city\": \"220100\", \"level\": \"RED\", \"onset\": 1893456000, \"expectedEnd\": 1893628800}"),
                new Bad("a number as a user name", "POST", "/api/users", "application/json",
                        "{\"username\": 12345, \"password\": \"long-enough-password\", \"displayName\": \"N\", "
                                + "\"roles\": [\"viewer\"]}"),
                new Bad("duplicate keys", "PUT", "/api/targets/baselines", "application/json",
                        "{\"unit\": \"220100\", \"unit\": \"220200\", \"pollutant\": \"PM10\", \"year\": 2012, "
                                + "\"value\": 100}"),
                new Bad("trailing junk after JSON", "POST", "/api/warnings", "application/json",
                        "{\"city\": \"220100\", \"level\": \"RED\", \"onset\": \"2030-01-02T07:00+08:00\", "
                                + "\"expectedEnd\": \"2030-01-04T07:00+08:00\"} {\"more\": 1}"),
                new Bad("broken escape, inbound SMS", "POST", "/api/twilio/inbound",
                        "application/x-www-form-urlencoded", "From=%zz&Body=1"),
                new Bad("broken escape, status callback", "POST", "/api/twilio/status",
                        "application/x-www-form-urlencoded", "MessageSid=%"),
                new Bad("a bare = as a form", "POST", "/api/twilio/status", "application/x-www-form-urlencoded", "="),
                new Bad("formula as a data source", "POST",
                        "/api/observations/csv?city=220100&station=S&source=%3DHYPERLINK(1)", "text/csv",
                        "No,year,month,day,hour,PM2.5\n1,2015,1,1,0,10\n"),
                new Bad("form over the limit", "POST", "/console/warnings", "application/x-www-form-urlencoded",
                        "note=" + "a".repeat(10_000_000)));
    }

    private long rows(String table) {
        return pool.query("SELECT count(*) FROM " + table).execute().await().atMost(Duration.ofSeconds(10)).iterator()
                .next().getLong(0);
    }

    @Test
    void everyMalformedInputGetsAClearRefusalAndChangesNothing() {
        List<String> tables = List.of("observation", "station", "warning", "subscription", "app_user",
                "target_baseline", "met_forecast", "quality_flag");
        List<Long> before = tables.stream().map(this::rows).toList();
        List<String> wrong = new ArrayList<>();
        for (Bad b : corpus()) {
            String user = b.path().startsWith("/api/users") || b.path().startsWith("/api/targets") ? "admin" : "duty";
            RequestSpecification r = given().auth().preemptive().basic(user, user.equals("admin") ? "admin-test"
                    : "duty-demo");
            if (b.contentType() != null) {
                r = b.contentType().startsWith("application/x-www-form-urlencoded")
                        ? r.contentType(b.contentType()).body(new String(b.body(), StandardCharsets.UTF_8))
                        : r.contentType(b.contentType()).body(b.body());
            }
            var response = r.urlEncodingEnabled(false).when().request(b.method(), b.path());
            int status = response.statusCode();
            String body = response.asString();
            boolean report = status == 200 && body.contains("\"rowsStored\":0") && body.contains("\"reason\"");
            if (!report && (status < 400 || status >= 500) || body.contains("\tat ") || body.contains("Exception")) {
                wrong.add(b.name() + ": " + status + " " + body.substring(0, Math.min(200, body.length())));
            }
        }
        assertTrue(wrong.isEmpty(), "not refused cleanly:\n" + String.join("\n", wrong));
        assertEquals(before, tables.stream().map(this::rows).toList(), "nothing stored");
    }

    /** The server answers 413 from the declared length alone, before reading (or storing) a byte of the body. */
    @Test
    void aBodyOverTheRequestLimitIsRefusedBeforeItIsRead() throws IOException {
        long before = rows("observation");
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            String auth = Base64.getEncoder().encodeToString("duty:duty-demo".getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().write(("POST /api/observations HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Basic " + auth + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + 65L * 1024 * 1024 + "\r\n\r\n[").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            assertEquals("HTTP/1.1 413 Request Entity Too Large", status);
        }
        assertEquals(before, rows("observation"));
    }
}
