package io.airwarn.notify;

import io.airwarn.core.SmsSegments;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Twilio's Messages API over the sandbox gateway, whichever HTTP server carries it: Basic auth with the account SID
 * and auth token, Twilio's message and page JSON, and Twilio's error JSON.
 */
final class SandboxApi {

    /** An HTTP status and the body to write as JSON. */
    record Reply(int status, Object body) {
    }

    private final SandboxGateway gateway;

    SandboxApi(SandboxGateway gateway) {
        this.gateway = gateway;
    }

    /** POST /2010-04-01/Accounts/{sid}/Messages.json */
    Reply create(String sid, String authorization, Map<String, String> form) throws InterruptedException {
        try {
            authenticate(sid, authorization);
            return new Reply(201, json(sid, gateway.create(form)));
        } catch (SandboxGateway.Refusal r) {
            return error(r);
        }
    }

    /** GET /2010-04-01/Accounts/{sid}/Messages.json, optionally To a number, all on one page. */
    Reply list(String sid, String authorization, String to) {
        try {
            authenticate(sid, authorization);
        } catch (SandboxGateway.Refusal r) {
            return error(r);
        }
        List<Map<String, Object>> messages = gateway.list(to).stream().map(m -> json(sid, m)).toList();
        String uri = "/2010-04-01/Accounts/" + sid + "/Messages.json";
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("messages", messages);
        page.put("end", Math.max(0, messages.size() - 1));
        page.put("first_page_uri", uri + "?PageSize=" + Math.max(50, messages.size()) + "&Page=0");
        page.put("next_page_uri", null);
        page.put("page", 0);
        page.put("page_size", Math.max(50, messages.size()));
        page.put("previous_page_uri", null);
        page.put("start", 0);
        page.put("uri", uri);
        return new Reply(200, page);
    }

    /** Whether the request carries the account's own credentials (for the standalone server's other resources). */
    boolean authorized(String sid, String authorization) {
        try {
            authenticate(sid, authorization);
            return true;
        } catch (SandboxGateway.Refusal r) {
            return false;
        }
    }

    private void authenticate(String sid, String authorization) {
        if (authorization == null || !authorization.startsWith("Basic ")) {
            throw new SandboxGateway.Refusal(401, 20003, "Authenticate");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new SandboxGateway.Refusal(401, 20003, "Authenticate");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new SandboxGateway.Refusal(401, 20003, "Authenticate");
        }
        gateway.authenticate(sid, decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    static Reply error(SandboxGateway.Refusal r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", r.code);
        body.put("message", r.getMessage());
        body.put("more_info", "https://www.twilio.com/docs/errors/" + r.code);
        body.put("status", r.httpStatus);
        return new Reply(r.httpStatus, body);
    }

    private static Map<String, Object> json(String accountSid, SandboxGateway.Received m) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("account_sid", accountSid);
        j.put("api_version", "2010-04-01");
        j.put("body", m.body());
        j.put("date_created", m.dateCreated());
        j.put("date_sent", m.dateCreated());
        j.put("date_updated", m.dateCreated());
        j.put("direction", "outbound-api");
        j.put("error_code", null);
        j.put("error_message", null);
        j.put("from", m.from());
        j.put("messaging_service_sid", m.messagingServiceSid());
        j.put("num_media", "0");
        j.put("num_segments", Integer.toString(SmsSegments.count(m.body())));
        j.put("price", null);
        j.put("price_unit", "USD");
        j.put("sid", m.sid());
        j.put("status", m.status());
        j.put("to", m.to());
        j.put("uri", "/2010-04-01/Accounts/" + accountSid + "/Messages/" + m.sid() + ".json");
        return j;
    }
}
