package io.airwarn.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A probe of the same breadth as an outside attacker: every operation of the running application's OpenAPI
 * document, as every role, with a generated corpus of malformed path segments, query parameters, headers and
 * bodies. No answer may be a 5xx (or missing), and a refused write (a 4xx to POST, PUT, PATCH or DELETE) may not
 * change the number of rows of any domain table. The corpus comes from a fixed seed, so a run can be replayed.
 *
 * <p>Each operation gets one plausible request from every role (unknown ids, placeholder values), then the full
 * corpus from a role with rights (admin) and a staff role with few (viewer); anonymously instead where credentials
 * make no difference, as for the public operations and Twilio's webhooks.
 */
@QuarkusTest
class ApiProbeTest {

    private static final long SEED = 20_260_517L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ANONYMOUS = "anonymous";
    private static final List<String> USERS = List.of(ANONYMOUS, "duty", "duty2", "approver", "commander", "viewer",
            "admin", "enterprise", "school", "unit");
    private static final List<String> CORPUS_USERS = List.of("admin", "viewer");
    /** An id or code that exists nowhere: the plausible request cannot act on the data other tests share. */
    private static final String UNKNOWN = "999999";
    /** Parameters that name a unit; bodies go to a real one, so that they get past "no such city" and are read. */
    private static final Set<String> UNIT_PARAMETERS = Set.of("code", "city", "unit");
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch");
    /** Tables a refused request may rightly change (throttling, attempts) or that change on their own. */
    private static final Set<String> NOT_DOMAIN_TABLES = Set.of("sign_in_failure", "subscription_confirm_attempt",
            "scheduled_run", "cluster_signal", "flyway_schema_history");

    /** The client sends exactly the given content type, and gives up on a hung request instead of hanging. */
    private static final RestAssuredConfig AS_IS = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false))
            .httpClient(HttpClientConfig.httpClientConfig().setParam("http.connection.timeout", 10_000)
                    .setParam("http.socket.timeout", 30_000));

    /** The test profile's forecast model folder (airwarn.forecast.models-dir). */
    private static final java.nio.file.Path MODELS = java.nio.file.Path.of("target/test-forecast-models");

    @Inject
    Pool pool;

    private final Random random = new Random(SEED);

    /**
     * The probe's plausible requests refit forecast models (the regional one, a unit's own) like any duty officer;
     * the files they leave would serve the other tests' cities instead of the default model.
     */
    @AfterEach
    void removeTheModelsTheProbeFitted() throws IOException {
        try (var files = java.nio.file.Files.list(MODELS)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                java.nio.file.Files.delete(file);
            }
        } catch (java.nio.file.NoSuchFileException none) {
            return;
        }
        given().auth().preemptive().basic("duty", "duty-demo").when().post("/api/forecast/models/reload").then()
                .statusCode(200);
    }
    private final List<String> errors = new ArrayList<>();
    private final List<String> stored = new ArrayList<>();
    private int requests;
    private int fiveHundreds;
    private List<String> tables;
    private String countQuery;
    private String city;

    /** An operation of the OpenAPI document; bodies maps each media type it accepts to the body's schema. */
    record Operation(String method, String path, List<String> pathParams, List<String> queryParams,
                     List<String> headerParams, Map<String, JsonNode> bodies, String description) {
        boolean writes() {
            return WRITES.contains(method);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** One request to an operation: the address (path and query, percent-encoded), headers, content type, body. */
    record Probe(String address, Map<String, String> headers, String contentType, byte[] body) {
        static Probe of(String address) {
            return new Probe(address, Map.of(), null, null);
        }

        static Probe of(String address, String contentType, byte[] body) {
            return new Probe(address, Map.of(), contentType, body);
        }

        static Probe of(String address, String contentType, String body) {
            return of(address, contentType, body.getBytes(StandardCharsets.UTF_8));
        }

        Probe at(String otherAddress) {
            return new Probe(otherAddress, headers, contentType, body);
        }

        Probe withHeader(String name, String value) {
            return new Probe(address, Map.of(name, value), contentType, body);
        }
    }

    /** A probe as one user. */
    record Call(String user, Probe probe) {
    }

    /** An answer: its status (-1 for none) and body. */
    record Answer(int status, String body) {
    }

    @Test
    void noInputFromAnyRoleGetsA5xxNorStoresAnythingWhenRefused() throws IOException {
        long start = System.nanoTime();
        JsonNode doc = JSON.readTree(given().queryParam("format", "json").get("/q/openapi").asByteArray());
        city = given().get("/api/cities").jsonPath().getString("[0].code");
        prepareCounts();
        Map<String, String> realHashes = cheapenPasswords();
        try {
            for (Operation op : operations(doc)) {
                if (!skipped(op)) {
                    probe(doc, op);
                }
            }
        } finally {
            setPasswordHashes(realHashes);
        }
        String summary = String.format(Locale.US, "API probe: %,d requests, %,d responses 5xx", requests,
                fiveHundreds);
        System.out.printf("%s (%d s)%n", summary, Duration.ofNanos(System.nanoTime() - start).toSeconds());
        if (!errors.isEmpty() || !stored.isEmpty()) {
            fail(summary + "\n\n" + errors.size() + " answers 5xx or none:\n" + String.join("\n", errors) + "\n\n"
                    + stored.size() + " refused writes that changed stored rows:\n" + String.join("\n", stored));
        }
    }

    /** The plausible request from every role, then the corpus from the users {@link #corpusUsers} picks. */
    private void probe(JsonNode doc, Operation op) {
        Probe plausible = plausible(doc, op);
        List<Integer> statuses = sendAll(op, USERS.stream().map(user -> new Call(user, plausible)).toList());
        Map<String, Integer> baseline = new LinkedHashMap<>();
        for (int i = 0; i < USERS.size(); i++) {
            baseline.put(USERS.get(i), statuses.get(i));
        }
        List<Probe> corpus = corpus(doc, op);
        sendAll(op, corpusUsers(baseline).stream().flatMap(user -> corpus.stream().map(p -> new Call(user, p)))
                .toList());
    }

    // ---- The operations -----------------------------------------------------------------------------------------

    private static List<Operation> operations(JsonNode doc) {
        List<Operation> ops = new ArrayList<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            if (!HTTP_METHODS.contains(entry.getKey())) {
                return;
            }
            JsonNode op = entry.getValue();
            List<String> pathParams = new ArrayList<>();
            Matcher m = Pattern.compile("\\{([^}]+)}").matcher(path.getKey());
            while (m.find()) {
                pathParams.add(m.group(1));
            }
            Map<String, JsonNode> bodies = new LinkedHashMap<>();
            op.path("requestBody").path("content").fields().forEachRemaining(c -> bodies.put(c.getKey(),
                    schema(doc, c.getValue().path("schema"))));
            ops.add(new Operation(entry.getKey().toUpperCase(Locale.ROOT), path.getKey(), pathParams,
                    parameters(doc, op, "query"), parameters(doc, op, "header"), bodies,
                    op.path("summary").asText() + " " + op.path("description").asText()));
        }));
        return ops;
    }

    private static List<String> parameters(JsonNode doc, JsonNode op, String in) {
        List<String> names = new ArrayList<>();
        for (JsonNode p : op.path("parameters")) {
            JsonNode param = resolve(doc, p);
            if (param.path("in").asText().equals(in)) {
                names.add(param.path("name").asText());
            }
        }
        return names;
    }

    /**
     * A body's schema. A body read as a raw Jackson tree (JsonNode) is documented with the getters of the tree class
     * (nodeType, containerNode...), which say nothing about the body: it counts as a body without a schema.
     */
    private static JsonNode schema(JsonNode doc, JsonNode schema) {
        return schema.path("$ref").asText().endsWith("/JsonNode") ? JSON.createObjectNode() : resolve(doc, schema);
    }

    /**
     * Operations left alone. Some because even a refused-looking probe could change what the other tests of the
     * suite share: reloading the plan and model catalogues, the sandbox gateway's settings and inbox, ending users'
     * sessions. The console and portal pages because they sign in with a form and a session cookie, not HTTP Basic:
     * every probe would only be sent to the login page.
     */
    private static boolean skipped(Operation op) {
        return Set.of("POST /api/plans/reload", "POST /api/forecast/models/reload", "POST /logout")
                .contains(op.toString())
                || op.writes() && (op.path().startsWith("/sandbox/") || op.path().startsWith("/api/users/"))
                || op.path().matches("/(console|portal)(/.*)?");
    }

    /**
     * Anonymous alone where credentials make no difference to the plausible request (public operations and the
     * signed webhooks); otherwise admin and viewer, plus the first admitted user when neither of them is (the
     * recipients' own orders).
     */
    private static List<String> corpusUsers(Map<String, Integer> baseline) {
        if (baseline.get(ANONYMOUS).equals(baseline.get("admin"))) {
            return List.of(ANONYMOUS);
        }
        List<String> users = new ArrayList<>(CORPUS_USERS);
        if (CORPUS_USERS.stream().allMatch(u -> refused(baseline.get(u)))) {
            baseline.entrySet().stream().filter(e -> !refused(e.getValue())).findFirst()
                    .ifPresent(e -> users.add(e.getKey()));
        }
        return users;
    }

    private static boolean refused(int status) {
        return status == 401 || status == 403;
    }

    // ---- The corpus ---------------------------------------------------------------------------------------------

    /**
     * Unknown ids in the path and, for a write, in every query parameter too (POST /api/forecast/run without a city
     * would forecast every city), with the first media type's plausible body.
     */
    private static Probe plausible(JsonNode doc, Operation op) {
        String address = address(op, name -> UNKNOWN);
        if (op.bodies().isEmpty()) {
            return Probe.of(address);
        }
        Map.Entry<String, JsonNode> body = op.bodies().entrySet().iterator().next();
        String type = body.getKey();
        if (json(type)) {
            return Probe.of(address, type, base(doc, op, body.getValue()).toString());
        }
        return Probe.of(address, type, form(type) ? "" : "date,value\n");
    }

    private List<Probe> corpus(JsonNode doc, Operation op) {
        Probe plausible = plausible(doc, op);
        List<Probe> probes = new ArrayList<>();
        for (String param : op.pathParams()) {
            for (String value : pathValues()) {
                probes.add(plausible.at(address(op, name -> name.equals(param) ? value : UNKNOWN)));
            }
        }
        String path = path(op, name -> UNKNOWN);
        for (String param : op.queryParams()) {
            // A write gets the other parameters too, as in the plausible request; a read gets only this one.
            String others = op.writes() ? op.queryParams().stream().filter(q -> !q.equals(param))
                    .map(q -> "&" + q + "=" + UNKNOWN).collect(Collectors.joining()) : "";
            for (String value : queryValues(param)) {
                probes.add(plausible.at(path + "?" + param + "=" + value + others));
            }
        }
        if (!op.queryParams().isEmpty()) {
            // Names the operation does not take, in shapes other frameworks give a meaning to.
            probes.add(plausible.at(path + "?" + String.join("=1&", op.queryParams())
                    + "=1&a%5B%5D=1&%24where=1&__proto__%5Bx%5D=1"));
        }
        for (String header : op.headerParams()) {
            headerValues().forEach(value -> probes.add(plausible.withHeader(header, value)));
        }
        String bodyAddress = address(op, name -> UNIT_PARAMETERS.contains(name) ? city : UNKNOWN);
        op.bodies().forEach((type, schema) -> {
            if (json(type)) {
                jsonBodies(base(doc, op, schema)).forEach(body -> probes.add(Probe.of(bodyAddress, type, body)));
            } else if (form(type)) {
                formBodies().forEach(body -> probes.add(Probe.of(bodyAddress, type, body)));
            } else {
                fileBodies().forEach(body -> probes.add(Probe.of(bodyAddress, type, body)));
            }
        });
        if (op.writes()) {
            // Content types the operation does not take (to the plausible address: POST /api/cities/{code}/forecast
            // /model of a real city would refit its model).
            String address = plausible.address();
            probes.add(Probe.of(address, "application/json", "{\"a\": 1}"));
            probes.add(Probe.of(address, "application/xml", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM "
                    + "\"file:///etc/passwd\">]><x>&e;</x>"));
            probes.add(Probe.of(address, "text/plain; charset=utf-16", "{}"));
            probes.add(Probe.of(address, "application/octet-stream", randomBytes(64)));
        }
        return probes;
    }

    /** Path segments, percent-encoded: numbers beyond every range, traversal, markup, quotes, long and odd text. */
    private List<String> pathValues() {
        List<String> values = new ArrayList<>(List.of("99999999999999999999", "9223372036854775808", "-1", "0",
                "1.5", "1e400", "NaN", "null", "..", "..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                encode("'\";--"), encode("<script>alert(1)</script>"), encode("😀"), encode("不存在"), "%20",
                "x".repeat(5_000)));
        for (int i = 0; i < 2; i++) {
            values.add(encode(randomText(1 + random.nextInt(40))));
        }
        return values;
    }

    /** Numbers and text as in the path, dates beyond every calendar, empty and repeated parameters, broken escapes. */
    private List<String> queryValues(String name) {
        return List.of("99999999999999999999", "-1", "0", "1.5", "NaN", "null", encode("'\";--"),
                encode("<script>alert(1)</script>"), encode("😀"), "x".repeat(5_000), encode(randomText(20)), "",
                "%2B294277-01-01", "-4714-01-01", "2015-13-45", "9999999999", "2015-02-29",
                "%2B294277-01-01T00%3A00%3A00Z", "2015-11%2F2015-12", "1&" + name + "=2", "%E0%A4%A", "%zz");
    }

    /** Header values: empty, wildcards, a value beyond the server's header limit, numbers and escapes as text. */
    private static List<String> headerValues() {
        return List.of("", "*", "W/\"x\"", "\"" + "x".repeat(30_000) + "\"", "null", "1e400", "%00",
                "=cmd|' /C calc'!A0");
    }

    /**
     * JSON bodies: broken documents, the wrong kind of document, limits (depth, numbers, encoding), then each
     * property of the plausible body set to the wrong type, null, extremes, a NUL, a huge string, impossible dates.
     */
    private static List<byte[]> jsonBodies(JsonNode base) {
        List<String> bodies = new ArrayList<>(List.of("not json", "", "null", "[]", "{}", "\"x\"", "0", "true",
                "1e400", "{\"", "{} x", base + " x", base + base.toString(), "[" + base + "]",
                "[".repeat(5_000) + "]".repeat(5_000), "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000),
                "{\"__proto__\": {\"admin\": true}, \"constructor\": {\"prototype\": {}}}"));
        ObjectNode object = (ObjectNode) (base.isArray() ? base.get(0) : base);
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        if (!names.isEmpty()) {
            String first = names.get(0);
            bodies.add(wrap(base, "{\"" + first + "\": " + object.get(first) + ", \"" + first + "\": "
                    + object.get(first) + "}"));
        }
        for (String name : names) {
            for (String value : propertyValues()) {
                // Jackson cannot write 1e400 or a lone surrogate: the value goes in as text, through a marker.
                ObjectNode copy = object.deepCopy();
                copy.put(name, "\u0001MARK\u0001");
                bodies.add(wrap(base, copy.toString().replace("\"\\u0001MARK\\u0001\"", value)));
            }
        }
        List<byte[]> bytes = new ArrayList<>(bodies.stream().map(b -> b.getBytes(StandardCharsets.UTF_8)).toList());
        bytes.add(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}); // invalid UTF-8
        bytes.add(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, base.toString())); // byte order mark
        return bytes;
    }

    private static String wrap(JsonNode base, String object) {
        return base.isArray() ? "[" + object + "]" : object;
    }

    /** What a property gets instead of its plausible value (JSON text). */
    private static List<String> propertyValues() {
        return List.of("12345", "\" \"", "\"yes\"", "0", "true", "-1", "null", "1e400", "-9e18",
                "9223372036854775808", "\"\\u0000\"", "\"" + "x".repeat(20_000) + "\"", "\"+294277-01-01T00:00:00Z\"",
                "\"-4714-01-01\"", "\"2015-13-45\"", "20150101", "{}", "[{}]", "\"\\uD800\"");
    }

    /** Form bodies (Twilio's webhooks): broken percent-encoding, empty names, an oversized field, unsigned calls. */
    private List<String> formBodies() {
        return List.of("%zz", "%", "a=%E0%A4%A", "=", "&&&", "=&=", "a", "a=1&a=2", "%3D%3D=%26",
                "MessageSid=SM1&MessageStatus=delivered&ErrorCode=99999999999999999999",
                "MessageSid=SM1&MessageStatus=undelivered&ErrorCode=-1",
                "From=%2B8613912345678&Body=STOP", "From=%00&Body=A1", "Body=%F0%9F%98%80&From=x",
                "MessageSid=" + "x".repeat(20_000), new String(randomBytes(64), StandardCharsets.ISO_8859_1));
    }

    /** File uploads (CSV or plain text): formula cells, binary junk, a header only, broken structure. */
    private List<byte[]> fileBodies() {
        List<String> files = List.of("", "\n", "No,year,month,day,hour,PM2.5\n",
                "No,year,month,day,hour,PM2.5\n=cmd|' /C calc'!A0,2015,1,1,0,=1+1\n",
                "date,temperature,windDirection\n=cmd|' /C calc'!A0,@SUM(1),+1\n",
                "date,temperature\n2015-13-45,1e400\n+294277-01-01,-9e18\n",
                "date,date,date\n\"unterminated,1,2\n", "a," + "x".repeat(20_000) + "\n1,2\n",
                ",".repeat(5_000) + "\n", "No,year,month,day,hour,PM2.5\n1,99999999999999999999,1,1,0,1\n");
        List<byte[]> bytes = new ArrayList<>(files.stream().map(f -> f.getBytes(StandardCharsets.UTF_8)).toList());
        bytes.add(randomBytes(512));
        bytes.add(new byte[] {'d', 'a', 't', 'e', '\n', (byte) 0xC3, (byte) 0x28, '\n'}); // invalid UTF-8
        return bytes;
    }

    // ---- Plausible JSON from the schema -------------------------------------------------------------------------

    /**
     * A body with every property set to a placeholder of its type. Where the schema says nothing (a raw JSON
     * body), the property names come from the operation's description, which quotes them.
     */
    private static JsonNode base(JsonNode doc, Operation op, JsonNode schema) {
        boolean array = "array".equals(type(schema));
        JsonNode item = array ? resolve(doc, schema.path("items")) : schema;
        ObjectNode object = JSON.createObjectNode();
        if (item.has("properties")) {
            item.get("properties").fields().forEachRemaining(p -> object.set(p.getKey(),
                    placeholder(doc, p.getValue())));
        } else {
            Matcher m = Pattern.compile("\"([a-z][A-Za-z0-9]*)\"").matcher(op.description());
            while (m.find()) {
                object.put(m.group(1), "x");
            }
            array = array || op.description().toLowerCase(Locale.ROOT).contains("array of");
        }
        return array ? JSON.createArrayNode().add(object) : object;
    }

    private static JsonNode placeholder(JsonNode doc, JsonNode property) {
        JsonNode s = resolve(doc, property);
        if (!s.path("enum").isEmpty()) {
            return s.get("enum").get(0);
        }
        var nodes = JSON.getNodeFactory();
        return switch (type(s)) {
            case "integer", "number" -> nodes.numberNode(1);
            case "boolean" -> nodes.booleanNode(false);
            case "array" -> nodes.arrayNode();
            case "object" -> nodes.objectNode();
            default -> nodes.textNode(switch (s.path("format").asText()) {
                case "date" -> "2015-01-01";
                case "date-time" -> "2015-01-01T00:00:00+08:00";
                default -> "x";
            });
        };
    }

    /** A schema's type; OpenAPI 3.1 may list several ("string", "null"). */
    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        return type.asText();
    }

    private static JsonNode resolve(JsonNode doc, JsonNode node) {
        JsonNode n = node;
        for (int i = 0; i < 10; i++) {
            if (n.has("$ref")) {
                n = doc.at(n.get("$ref").asText().substring(1));
            } else if (n.path("allOf").size() == 1) {
                n = n.get("allOf").get(0);
            } else {
                break;
            }
        }
        return n;
    }

    // ---- Sending and checking -----------------------------------------------------------------------------------

    /**
     * Sends calls to one operation, records each 5xx (or missing answer), and returns the statuses. For a write,
     * the row counts are compared around the whole group, since counting large tables after every request would be
     * slow; if they changed, the refused calls are sent again one at a time to find any that stores rows (the change
     * may as well come from an accepted call).
     */
    private List<Integer> sendAll(Operation op, List<Call> calls) {
        List<Long> before = op.writes() ? counts() : null;
        List<Integer> statuses = new ArrayList<>();
        for (Call call : calls) {
            requests++;
            Answer answer = answer(op, call);
            if (answer.status() >= 500 || answer.status() < 0) {
                fiveHundreds += answer.status() >= 500 ? 1 : 0;
                errors.add(describe(op, call) + " -> " + answer.status() + " " + excerpt(answer.body(), 200));
            }
            statuses.add(answer.status());
        }
        if (before != null) {
            List<Long> after = counts();
            if (!after.equals(before)) {
                findRefusedCallsThatStore(op, calls, statuses, changes(before, after));
            }
        }
        return statuses;
    }

    private void findRefusedCallsThatStore(Operation op, List<Call> calls, List<Integer> statuses, String change) {
        boolean someAccepted = false;
        boolean found = false;
        for (int i = 0; i < calls.size(); i++) {
            someAccepted |= statuses.get(i) < 400;
            if (clientError(statuses.get(i))) {
                List<Long> before = counts();
                Answer again = answer(op, calls.get(i));
                List<Long> after = counts();
                if (clientError(again.status()) && !after.equals(before)) {
                    found = true;
                    stored.add(describe(op, calls.get(i)) + " -> " + again.status() + "; " + changes(before, after));
                }
            }
        }
        if (!someAccepted && !found) {
            stored.add(op + ": every call was refused, yet " + change + " (no single call does it again)");
        }
    }

    private static boolean clientError(int status) {
        return status >= 400 && status < 500;
    }

    private static String describe(Operation op, Call call) {
        Probe p = call.probe();
        return op + " as " + call.user() + ": " + excerpt(p.address(), 120)
                + (p.headers().isEmpty() ? "" : ", header " + excerpt(p.headers().toString(), 80)) + ", "
                + (p.body() == null ? "no body" : p.contentType() + " " + excerpt(p.body()));
    }

    /** One exchange, through RestAssured or, for the addresses it cannot build, a socket. */
    private static Answer answer(Operation op, Call call) {
        try {
            return buildable(call.probe().address()) ? restAssured(op.method(), call.user(), call.probe())
                    : raw(op.method(), call.user(), call.probe());
        } catch (Exception e) { // RestAssured rethrows I/O exceptions undeclared
            return new Answer(-1, e.toString());
        }
    }

    private static Answer restAssured(String method, String user, Probe probe) {
        RequestSpecification request = given().config(AS_IS).urlEncodingEnabled(false).redirects().follow(false)
                .headers(probe.headers());
        if (!user.equals(ANONYMOUS)) {
            request = request.auth().preemptive().basic(user, password(user));
        }
        if (probe.contentType() != null && form(probe.contentType())) {
            // RestAssured takes a form body only as text; it sends the text as it is.
            request = request.contentType(probe.contentType())
                    .body(new String(probe.body(), StandardCharsets.ISO_8859_1));
        } else if (probe.contentType() != null) {
            request = request.contentType(probe.contentType()).body(probe.body());
        }
        Response response = request.request(method, probe.address());
        return new Answer(response.statusCode(), response.asString());
    }

    /** Whether java.net.URI, and so RestAssured, can send this address: it refuses broken percent-escapes. */
    private static boolean buildable(String address) {
        try {
            URI.create("http://localhost" + address);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** HTTP/1.1 over a socket, one request per connection, for the addresses RestAssured cannot build. */
    private static Answer raw(String method, String user, Probe probe) throws IOException {
        byte[] body = probe.body() == null ? new byte[0] : probe.body();
        StringBuilder head = new StringBuilder(method + " " + probe.address() + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\nContent-Length: " + body.length + "\r\n");
        if (!user.equals(ANONYMOUS)) {
            head.append("Authorization: Basic ").append(Base64.getEncoder().encodeToString((user + ":"
                    + password(user)).getBytes(StandardCharsets.UTF_8))).append("\r\n");
        }
        if (probe.contentType() != null) {
            head.append("Content-Type: ").append(probe.contentType()).append("\r\n");
        }
        probe.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().write(body);
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = answer.indexOf("\r\n\r\n");
            return new Answer(Integer.parseInt(answer.split(" ", 3)[1]), end < 0 ? "" : answer.substring(end + 4));
        }
    }

    private static String password(String user) {
        // The test profile's bootstrap admin has its own password; the others are the demo users.
        return user.equals("admin") ? "admin-test" : user + "-demo";
    }

    // ---- The database -------------------------------------------------------------------------------------------

    /** The domain tables (every table of the schema but Quartz's and {@link #NOT_DOMAIN_TABLES}) and their count. */
    private void prepareCounts() {
        tables = StreamSupport.stream(pool.query("SELECT table_name FROM information_schema.tables "
                        + "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name")
                        .execute().await().atMost(Duration.ofSeconds(10)).spliterator(), false)
                .map(r -> r.getString(0))
                .filter(t -> !NOT_DOMAIN_TABLES.contains(t) && !t.toLowerCase(Locale.ROOT).startsWith("qrtz_"))
                .toList();
        countQuery = tables.stream().map(t -> "(SELECT count(*) FROM \"" + t + "\")")
                .collect(Collectors.joining(", ", "SELECT ", ""));
    }

    /** The row count of every domain table, in one query. */
    private List<Long> counts() {
        Row row = pool.query(countQuery).execute().await().atMost(Duration.ofSeconds(30)).iterator().next();
        List<Long> counts = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            counts.add(row.getLong(i));
        }
        return counts;
    }

    private String changes(List<Long> before, List<Long> after) {
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            if (!before.get(i).equals(after.get(i))) {
                changed.add(tables.get(i) + " " + before.get(i) + " -> " + after.get(i));
            }
        }
        return String.join(", ", changed);
    }

    /**
     * bcrypt at its real cost on every HTTP Basic request would make the probe take ten minutes instead of one. While
     * it runs, the users' hashes are cheap ones (cost 4) of the same passwords: sign-in works the same, only faster.
     * Returns the real hashes, to put back.
     */
    private Map<String, String> cheapenPasswords() {
        Map<String, String> real = new LinkedHashMap<>();
        pool.preparedQuery("SELECT username, password_hash FROM app_user WHERE username = ANY($1)")
                .execute(Tuple.of((Object) USERS.toArray(String[]::new))).await().atMost(Duration.ofSeconds(10))
                .forEach(r -> real.put(r.getString(0), r.getString(1)));
        Map<String, String> cheap = new LinkedHashMap<>();
        real.keySet().forEach(user -> cheap.put(user, BcryptUtil.bcryptHash(password(user), 4)));
        setPasswordHashes(cheap);
        return real;
    }

    private void setPasswordHashes(Map<String, String> hashes) {
        pool.preparedQuery("UPDATE app_user SET password_hash = $2 WHERE username = $1")
                .executeBatch(hashes.entrySet().stream().map(e -> Tuple.of(e.getKey(), e.getValue())).toList())
                .await().atMost(Duration.ofSeconds(10));
    }

    // ---- Helpers ------------------------------------------------------------------------------------------------

    /** The operation's path with each parameter's value from values, and for a write its query parameters too. */
    private static String address(Operation op, UnaryOperator<String> values) {
        String query = op.writes() ? op.queryParams().stream().map(q -> q + "=" + values.apply(q))
                .collect(Collectors.joining("&")) : "";
        return path(op, values) + (query.isEmpty() ? "" : "?" + query);
    }

    private static String path(Operation op, UnaryOperator<String> values) {
        String path = op.path();
        for (String p : op.pathParams()) {
            path = path.replace("{" + p + "}", values.apply(p));
        }
        return path;
    }

    private static boolean json(String type) {
        return type.contains("json");
    }

    private static boolean form(String type) {
        return type.startsWith("application/x-www-form-urlencoded");
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Text from ASCII punctuation, digits, letters and a few troublesome code points (no NUL). */
    private String randomText(int length) {
        int[] alphabet = "'\"<>&;%$#@!*()[]{}|\\^`~?/:=+,. \t-_0123456789azAZéß中文😀\u202E\uFEFF\u0085"
                .codePoints().toArray();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.appendCodePoint(alphabet[random.nextInt(alphabet.length)]);
        }
        return s.toString();
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] concat(byte[] head, String tail) {
        byte[] t = tail.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + t.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(t, 0, all, head.length, t.length);
        return all;
    }

    private static String excerpt(byte[] body) {
        return excerpt(new String(body, StandardCharsets.UTF_8), 120) + " (" + body.length + " bytes)";
    }

    /** The start of a text on one line, control characters escaped. */
    private static String excerpt(String text, int max) {
        String cut = text.length() > max ? text.substring(0, max) + "…" : text;
        StringBuilder s = new StringBuilder();
        cut.codePoints().forEach(c -> s.append(Character.isISOControl(c) ? String.format("\\u%04x", c)
                : new String(Character.toChars(c))));
        return s.toString();
    }
}
