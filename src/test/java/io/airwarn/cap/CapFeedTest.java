package io.airwarn.cap;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.airwarn.warning.IssuedWarnings;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.xml.XmlPath;
import java.io.StringReader;
import java.net.URL;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;

/**
 * A warning's life as the public and other systems see it: the public JSON (with ETag), CAP 1.2 Alert, Update and
 * Cancel messages validated against the official schema, and the Atom index.
 */
@QuarkusTest
class CapFeedTest {

    private static final URL SCHEMA = CapFeedTest.class.getResource("/cap/cap-v1.2.xsd");

    private static void validate(String xml) throws Exception {
        Validator validator = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(SCHEMA)
                .newValidator();
        validator.validate(new StreamSource(new StringReader(xml)));
    }

    private static void act(String user, int id, String body) {
        given().auth().preemptive().basic(user, user + "-demo").contentType(ContentType.JSON).body(body).when()
                .post("/api/warnings/" + id + "/actions").then().statusCode(200);
    }

    private static String cap(String path) {
        return given().when().get(path).then().statusCode(200).contentType(containsString("application/cap+xml"))
                .extract().asString();
    }

    @Test
    void issueChangeAndLiftArePublishedAsValidCapAlertsAndInThePublicJson() throws Exception {
        int id = IssuedWarnings.issue("220700", "YELLOW", "approver", 48);
        String first = given().when().get("/api/public/warnings").then().statusCode(200)
                .header("Cache-Control", containsString("max-age")).body("unit", hasItem("220700"))
                .extract().path("find { it.unit == '220700' }.cap");
        String etag = given().when().get("/api/public/warnings").then().extract().header("ETag");
        given().header("If-None-Match", etag).when().get("/api/public/warnings").then().statusCode(304);
        given().when().get("/api/public/warnings").then()
                .body("find { it.unit == '220700' }.levelZh", equalTo("黄色"))
                .body("find { it.unit == '220700' }.measures.domain", hasItem("VEHICLES"))
                .body("find { it.unit == '220700' }.healthAdviceEn", containsString("indoors"));

        String alert = cap(first);
        validate(alert);
        XmlPath a = new XmlPath(alert);
        assertEquals("Alert", a.getString("alert.msgType"));
        assertEquals("Actual", a.getString("alert.status"));
        assertEquals(List.of("zh-CN", "en"), a.getList("alert.info.language"));
        assertEquals("Moderate", a.getString("alert.info[0].severity"));
        assertEquals("Expected", a.getString("alert.info[0].urgency"), "sent before the onset");
        assertEquals(List.of("Env", "Health"), a.getList("alert.info[0].category"));
        assertEquals("220700", a.getString("alert.info[1].area.geocode.value"));
        assertEquals("Songyuan", a.getString("alert.info[1].area.areaDesc"));

        act("duty", id, "{\"action\": \"REQUEST_CHANGE\", \"level\": \"ORANGE\", \"reason\": \"worse\"}");
        act("commander", id, "{\"action\": \"APPROVE\"}");
        String second = given().when().get("/api/public/warnings").then().statusCode(200)
                .header("ETag", not(equalTo(etag))).extract().path("find { it.unit == '220700' }.cap");
        String update = cap(second);
        validate(update);
        XmlPath u = new XmlPath(update);
        assertEquals("Update", u.getString("alert.msgType"));
        assertEquals("Severe", u.getString("alert.info[0].severity"));
        assertTrue(u.getString("alert.references").contains("," + a.getString("alert.identifier") + ","),
                u.getString("alert.references"));
        given().when().get("/cap/alerts.atom").then().statusCode(200).contentType(containsString("atom"))
                .body(containsString(second)).body(not(containsString(first)));

        act("duty", id, "{\"action\": \"REQUEST_CHANGE\", \"level\": \"NONE\", \"reason\": \"clean air\"}");
        act("approver", id, "{\"action\": \"APPROVE\"}");
        given().when().get("/api/public/warnings").then().body("unit", not(hasItem("220700")));
        String atom = given().when().get("/cap/alerts.atom").then().statusCode(200).extract().asString();
        String cancelLink = new XmlPath(atom).setRootPath("feed").getString(
                "entry.find { it.title.text().contains('松原') }.link.@href");
        String cancel = cap(cancelLink.substring(cancelLink.indexOf("/cap/")));
        validate(cancel);
        XmlPath c = new XmlPath(cancel);
        assertEquals("Cancel", c.getString("alert.msgType"));
        assertEquals(2, c.getString("alert.references").split(" ").length, "references the alert and the update");

        given().when().get("/cap/airwarn-999999-1.xml").then().statusCode(404);
        given().when().get("/cap/..%2F..%2Fetc%2Fpasswd.xml").then().statusCode(404);
    }

    @Test
    void exercisesArePublishedWithStatusExerciseButNotOnThePublicList() throws Exception {
        int id = given().auth().preemptive().basic("duty", "duty-demo").contentType(ContentType.JSON)
                .body(String.format("{\"city\": \"CBS-MAC\", \"level\": \"YELLOW\", \"onset\": \"%s\", "
                                + "\"expectedEnd\": \"%s\", \"exercise\": true}",
                        IssuedWarnings.at(java.time.Duration.ofHours(30)),
                        IssuedWarnings.at(java.time.Duration.ofHours(60))))
                .when().post("/api/warnings").then().statusCode(200).extract().path("id");
        act("duty", id, "{\"action\": \"SUBMIT\"}");
        act("approver", id, "{\"action\": \"APPROVE\"}");
        given().when().get("/api/public/warnings").then().body("unit", not(hasItem("CBS-MAC")));
        String atom = given().when().get("/cap/alerts.atom").then().statusCode(200).extract().asString();
        String link = new XmlPath(atom).setRootPath("feed").getString(
                "entry.find { it.title.text().contains('exercise') && it.title.text().contains('长白山') }.link.@href");
        String xml = cap(link.substring(link.indexOf("/cap/")));
        validate(xml);
        XmlPath x = new XmlPath(xml);
        assertEquals("Exercise", x.getString("alert.status"));
        assertEquals("", x.getString("alert.info[0].area.geocode.value"), "the unit has no GB/T 2260 code");
    }
}
