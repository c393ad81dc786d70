package io.airwarn.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.airwarn.core.StrictJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sandbox gateway on its own port, outside AirWarn, so that what it received survives AirWarn's restarts (and
 * kill -9). Twilio's Messages API under /2010-04-01, and with the account's credentials: GET and DELETE /messages,
 * GET and PUT /settings. GET /health answers without credentials.
 */
public final class SandboxServer implements AutoCloseable {

    private static final Pattern MESSAGES = Pattern.compile("/2010-04-01/Accounts/([^/]+)/Messages\\.json");
    private static final int MAX_BODY = 64 * 1024;

    private final SandboxGateway gateway;
    private final SandboxApi api;
    private final String accountSid;
    private final ObjectMapper json = new ObjectMapper();
    private final ExecutorService workers = Executors.newFixedThreadPool(64);
    private final HttpServer server;

    public SandboxServer(String host, int port, String accountSid, String authToken) throws IOException {
        // The JDK server leaves Nagle's algorithm on: each small answer then waits for the client's delayed
        // acknowledgement (about 40 ms), which capped a 16-connection dispatcher near 350 messages/s.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.gateway = new SandboxGateway(accountSid, authToken, Clock.systemUTC());
        this.api = new SandboxApi(gateway);
        this.accountSid = accountSid;
        new StrictJson().customize(json);
        this.server = HttpServer.create(new InetSocketAddress(host, port), 256);
        server.createContext("/", this::handle);
        server.setExecutor(workers);
    }

    public SandboxServer start() {
        server.start();
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            SandboxApi.Reply reply = route(exchange);
            byte[] body = json.writeValueAsBytes(reply.body());
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private SandboxApi.Reply route(HttpExchange exchange) throws IOException, InterruptedException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Matcher messages = MESSAGES.matcher(path);
        if (messages.matches() && method.equals("POST")) {
            return api.create(messages.group(1), authorization, form(read(exchange.getRequestBody())));
        }
        if (messages.matches() && method.equals("GET")) {
            return api.list(messages.group(1), authorization, form(exchange.getRequestURI().getRawQuery()).get("To"));
        }
        if (path.equals("/health") && method.equals("GET")) {
            return new SandboxApi.Reply(200, Map.of("status", "UP", "received", gateway.received().size()));
        }
        if (!path.equals("/messages") && !path.equals("/settings")) {
            return SandboxApi.error(new SandboxGateway.Refusal(404, 20404, "The requested resource was not found"));
        }
        if (!api.authorized(accountSid, authorization)) {
            return SandboxApi.error(new SandboxGateway.Refusal(401, 20003, "Authenticate"));
        }
        return switch (path + " " + method) {
            case "/messages GET" -> new SandboxApi.Reply(200, gateway.list(null));
            case "/messages DELETE" -> {
                gateway.clear();
                yield new SandboxApi.Reply(200, Map.of("cleared", true));
            }
            case "/settings GET" -> new SandboxApi.Reply(200, gateway.settings());
            case "/settings PUT" -> {
                SandboxGateway.Settings s;
                try {
                    s = json.readValue(read(exchange.getRequestBody()), SandboxGateway.Settings.class);
                } catch (IOException e) {
                    yield SandboxApi.error(new SandboxGateway.Refusal(400, 20001, "settings: " + e.getMessage()));
                }
                gateway.configure(s);
                yield new SandboxApi.Reply(200, s);
            }
            default -> SandboxApi.error(new SandboxGateway.Refusal(405, 20004, "Method not allowed"));
        };
    }

    private static String read(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) {
            throw new IOException("request body over " + MAX_BODY + " bytes");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return fields;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            fields.putIfAbsent(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }
}
