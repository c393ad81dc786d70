package io.airwarn.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.airwarn.notify.SandboxGateway;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The console and the portal over HTTP: form sign-in, roles, form tokens, escaping. */
@QuarkusTest
class ConsoleTest {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @Inject
    Pool pool;

    @Inject
    SandboxGateway sandbox;

    /** Signs in with the form; the session's cookies (Quarkus's encrypted one and the server-side session's id). */
    private static Map<String, String> signIn(String user) {
        Response r = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", user).formParam("j_password", user + "-demo")
                .when().post("/j_security_check");
        assertEquals(302, r.statusCode());
        assertTrue(r.getCookies().containsKey("airwarn-session") && r.getCookies().containsKey("airwarn-sid"),
                r.getCookies().toString());
        return r.getCookies();
    }

    private long warnings() {
        return pool.query("SELECT count(*) FROM warning").execute().await().atMost(Duration.ofSeconds(10)).iterator()
                .next().getLong(0);
    }

    @Test
    void signedOutVisitorsAreSentToTheSignInPageAndWrongPasswordsRefused() {
        given().redirects().follow(false).when().get("/console").then().statusCode(302)
                .header("Location", endsWith("/login"));
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "duty").formParam("j_password", "wrong").when().post("/j_security_check")
                .then().statusCode(302).header("Location", containsString("/login?error=true"));
        given().when().get("/login").then().statusCode(200).body(containsString("j_security_check"));
    }

    @Test
    void theCookieIsHttpOnlyAndStrictAndStateChangesNeedTheFormToken() {
        Response login = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "duty").formParam("j_password", "duty-demo").when().post("/j_security_check");
        String setCookie = login.getHeader("Set-Cookie");
        String lower = setCookie.toLowerCase(java.util.Locale.ROOT);
        assertEquals(true, lower.contains("httponly") && lower.contains("samesite=strict"), setCookie);
        Map<String, String> session = login.getCookies();

        String form = given().cookies(session).when().get("/console/warnings/new").then()
                .statusCode(200).extract().asString();
        Matcher token = CSRF.matcher(form);
        assertEquals(true, token.find());
        long before = warnings();
        given().cookies(session).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").formParam("csrf", "forged")
                .formParam("city", "220300").formParam("level", "YELLOW").formParam("onset", "2030-01-01T07:00")
                .formParam("expectedEnd", "2030-01-03T07:00").when().post("/console/warnings").then().statusCode(403);
        assertEquals(before, warnings(), "a forged form changes nothing");
        given().cookies(session).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").formParam("csrf", token.group(1))
                .formParam("city", "220300").formParam("level", "PURPLE").formParam("onset", "2030-01-01T07:00")
                .formParam("expectedEnd", "2030-01-03T07:00").when().post("/console/warnings").then().statusCode(303)
                .header("Location", containsString("problem="));
        assertEquals(before, warnings(), "a bad level is refused with its reason");
        given().cookies(session).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").formParam("csrf", token.group(1))
                .formParam("city", "220300").formParam("level", "YELLOW").formParam("onset", "2030-01-01T07:00")
                .formParam("expectedEnd", "2030-01-03T07:00").when().post("/console/warnings").then().statusCode(303)
                .header("Location", containsString("/console/warnings/"));
        assertEquals(before + 1, warnings());
    }

    private static String formToken(Map<String, String> session) {
        Matcher token = CSRF.matcher(given().cookies(session).when().get("/console/warnings/new").then()
                .statusCode(200).extract().asString());
        assertTrue(token.find());
        return token.group(1);
    }

    private static void assertSignedOut(Map<String, String> session) {
        given().cookies(session).redirects().follow(false).when().get("/console").then().statusCode(302)
                .header("Location", endsWith("/login"));
    }

    @Test
    void signingOutEndsTheSessionForGoodAndFormTokensBelongToTheirSession() {
        Map<String, String> a = signIn("duty2");
        Map<String, String> b = signIn("duty2");
        long before = warnings();
        given().cookies(b).redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("csrf", formToken(a)).formParam("city", "220300").formParam("level", "YELLOW")
                .formParam("onset", "2030-01-01T07:00").formParam("expectedEnd", "2030-01-03T07:00")
                .when().post("/console/warnings").then().statusCode(403);
        assertEquals(before, warnings(), "another session's form token changes nothing");

        given().cookies(a).redirects().follow(false).when().post("/logout").then().statusCode(303);
        assertSignedOut(a);
        given().cookies(b).when().get("/console").then().statusCode(200);

        Map<String, String> c = signIn("duty2");
        given().cookies(c).redirects().follow(false).when().post("/logout?everywhere=true").then().statusCode(303);
        assertSignedOut(b);
        assertSignedOut(c);

        Map<String, String> d = signIn("duty2");
        given().auth().preemptive().basic("admin", "admin-test").when().delete("/api/users/duty2/sessions").then()
                .statusCode(200).body("sessions", org.hamcrest.Matchers.equalTo(1));
        assertSignedOut(d);
        given().auth().preemptive().basic("duty", "duty-demo").when().delete("/api/users/duty2/sessions").then()
                .statusCode(403);
    }

    @Test
    void chineseByDefaultEnglishAtTheSwitch() {
        Map<String, String> duty = signIn("duty");
        given().cookies(duty).when().get("/console").then().statusCode(200)
                .body(containsString("全省概况")).body(not(containsString("Province at a glance")));
        Response toEnglish = given().redirects().follow(false).queryParam("to", "en").queryParam("back", "/console")
                .when().get("/language");
        assertEquals(303, toEnglish.statusCode());
        given().cookies(duty).cookie("airwarn-lang", toEnglish.getCookie("airwarn-lang")).when()
                .get("/console").then().statusCode(200).body(containsString("Province at a glance"))
                .body(not(containsString("全省概况"))).body(containsString("lang=\"en\""));
        // The switch comes back to the page it is on, with its query but not its one-off notice.
        given().cookies(duty).queryParam("state", "AWAITING").queryParam("notice", "x").when().get("/console/warnings")
                .then().statusCode(200).body(containsString("back=%2Fconsole%2Fwarnings%3Fstate%3DAWAITING\""));
        given().redirects().follow(false).queryParam("to", "en").queryParam("back", "https://elsewhere.example/")
                .when().get("/language").then().statusCode(303).header("Location", endsWith("/console"));
    }

    @Test
    void theSandboxPageShowsWhatRecipientsWouldGetAsText() throws InterruptedException {
        sandbox.create(Map.of("To", "+8613911112222", "From", "+15005550006", "Body", "<b>停产</b> & 限产"));
        given().cookies(signIn("viewer")).queryParam("to", "+8613911112222").when()
                .get("/console/sandbox").then().statusCode(200)
                .body(containsString("&lt;b&gt;停产&lt;/b&gt; &amp; 限产")).body(not(containsString("<b>停产")));
    }

    @Test
    void pagesEscapeWhatTheyShowAndRolesDecideWhoSeesWhat() {
        Map<String, String> duty = signIn("duty");
        given().cookies(duty).when().get("/console").then().statusCode(200)
                .body(containsString("全省概况")).body(containsString("id=\"map-220100\""));
        given().cookies(duty).queryParam("notice", "<script>alert(1)</script>").when()
                .get("/console").then().statusCode(200).body(containsString("&lt;script&gt;alert(1)&lt;/script&gt;"))
                .body(not(containsString("<script>alert(1)")));
        given().cookies(duty).when().get("/console/audit").then().statusCode(403);
        given().cookies(signIn("commander")).when().get("/console/audit").then().statusCode(200)
                .body(containsString("id=\"chain\""));
        given().cookies(duty).when().get("/console/plans").then().statusCode(200)
                .body(containsString("id=\"plan-220100\""));

        Map<String, String> enterprise = signIn("enterprise");
        given().cookies(enterprise).redirects().follow(false).when().get("/console").then()
                .statusCode(303).header("Location", endsWith("/portal"));
        given().cookies(enterprise).when().get("/console/warnings").then().statusCode(403);
        given().cookies(enterprise).when().get("/portal").then().statusCode(200)
                .body(containsString("本单位的应急指令"));
        given().cookies(duty).when().get("/portal").then().statusCode(403);
        given().cookies(enterprise).when().get("/console/sandbox").then().statusCode(403);
        given().cookies(duty).when().get("/api/warnings").then().statusCode(401);
    }

    @Test
    void eachUserSeesOnlyTheActionsTheRulesAllowAndWhyNotTheOthers() {
        OffsetDateTime onset = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusHours(30).truncatedTo(ChronoUnit.HOURS);
        int id = given().auth().preemptive().basic("duty", "duty-demo").contentType("application/json")
                .body("{\"city\": \"220500\", \"level\": \"ORANGE\", \"onset\": \"" + onset + "\", "
                        + "\"expectedEnd\": \"" + onset.plusDays(2) + "\", \"exercise\": true}")
                .when().post("/api/warnings").then().statusCode(200).extract().path("id");
        given().auth().preemptive().basic("duty", "duty-demo").contentType("application/json")
                .body("{\"action\": \"SUBMIT\"}").when().post("/api/warnings/" + id + "/actions").then()
                .statusCode(200);
        String page = "/console/warnings/" + id;
        given().cookies(signIn("duty")).when().get(page).then().statusCode(200)
                .body(not(containsString("id=\"action-approve\""))).body(containsString("id=\"actions-unavailable\""))
                .body(containsString("批准：须由另一位有权审批此级别的人员审批（四眼原则、级别权限）（duty drafted or submitted "
                        + "this and cannot approve it (four-eyes rule)）"));
        given().cookies(signIn("approver")).when().get(page).then().statusCode(200)
                .body(not(containsString("id=\"action-approve\"")))
                .body(containsString("批准：须由另一位有权审批此级别的人员审批（四眼原则、级别权限）（ORANGE needs one of the "
                        + "roles [commander]）"));
        given().cookies(signIn("commander")).when().get(page).then().statusCode(200)
                .body(containsString("id=\"action-approve\"")).body(containsString("id=\"action-reject\""))
                .body(containsString("id=\"exercise-banner\"")).body(containsString("id=\"awaiting-approval\""));
        // The on-duty approver is told by SMS (AIRWARN_APPROVAL_SMS_TO) that an orange warning waits.
        String sms = pool.preparedQuery("SELECT string_agg(phone || ' ' || body, '|') FROM outbox WHERE "
                + "idempotency_key LIKE $1").execute(io.vertx.mutiny.sqlclient.Tuple.of("approval-" + id + "-%"))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getString(0);
        assertTrue(sms != null && sms.startsWith("+8613800000099 【演练 EXERCISE】【AirWarn】通化市橙色预警待您审批（duty 提交于 ")
                && !sms.contains("|"), "one SMS to the approver: " + sms);

        int real = given().auth().preemptive().basic("duty", "duty-demo").contentType("application/json")
                .body("{\"city\": \"220400\", \"level\": \"YELLOW\", \"onset\": \"" + onset + "\", "
                        + "\"expectedEnd\": \"" + onset.plusDays(2) + "\"}")
                .when().post("/api/warnings").then().statusCode(200).extract().path("id");
        given().cookies(signIn("duty")).when().get("/console/warnings/" + real).then().statusCode(200)
                .body(not(containsString("id=\"exercise-banner\"")));
    }

    @Test
    void dutyOfficersPageFilterExportAndAcknowledgeOnBehalfTheOrders() {
        int id = io.airwarn.warning.IssuedWarnings.issue("222400", "ORANGE", "commander", 30);
        Map<String, String> duty = signIn("duty");
        String page = "/console/warnings/" + id;
        String all = given().cookies(duty).when().get(page).then().statusCode(200)
                .body(containsString("id=\"unacknowledged-ENTERPRISE\"")).body(containsString("id=\"orders-next\""))
                .extract().asString();
        Matcher total = Pattern.compile("id=\"orders-range\">共 (\\d+) 条").matcher(all);
        assertTrue(total.find(), "the page says how many orders there are");
        int orders = Integer.parseInt(total.group(1));
        assertTrue(orders > WarningPages.ORDERS_SHOWN, "more than a page: " + orders);
        given().cookies(duty).queryParam("offset", WarningPages.ORDERS_SHOWN).when().get(page).then().statusCode(200)
                .body(containsString("显示第 " + (WarningPages.ORDERS_SHOWN + 1) + "–" + orders + " 条"))
                .body(containsString("id=\"orders-previous\""));

        String csv = given().cookies(duty).queryParam("show", "UNACKNOWLEDGED").queryParam("type", "SCHOOL").when()
                .get(page + "/orders.csv").then().statusCode(200).contentType(containsString("text/csv"))
                .extract().asString();
        String[] lines = csv.split("\r\n");
        assertTrue(lines[0].startsWith("\uFEFF确认码,对象类型,对象"), lines[0]);
        assertTrue(lines.length > 2 && java.util.Arrays.stream(lines).skip(1).allMatch(l -> l.contains(",学校,")),
                "only the schools, by name of their type: " + lines[1]);
        String school = lines[1].substring(0, lines[1].indexOf(','));

        given().cookies(signIn("viewer")).contentType("application/x-www-form-urlencoded")
                .formParam("csrf", "any").formParam("code", school).when()
                .post(page + "/on-behalf").then().statusCode(403);
        given().cookies(duty).redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("csrf", formToken(duty)).formParam("code", school).when().post(page + "/on-behalf")
                .then().statusCode(303).header("Location", containsString("notice="));
        given().cookies(duty).queryParam("q", school).when().get(page).then().statusCode(200)
                .body(containsString("代为确认，duty"));
        String after = given().cookies(duty).queryParam("show", "UNACKNOWLEDGED").queryParam("type", "SCHOOL").when()
                .get(page + "/orders.csv").then().statusCode(200).extract().asString();
        assertEquals(lines.length - 1, after.split("\r\n").length, "one school fewer to chase");
        given().cookies(duty).queryParam("show", "SOMETIMES").when().get(page).then().statusCode(400);
    }
}
