package io.airwarn.notify;

import io.airwarn.core.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Twilio's status callbacks: signed, idempotent, tolerant of order (a later state never goes back). */
@Path("/api/twilio")
public class TwilioWebhookResource {

    private final OutboxStore store;
    private final TwilioRequests requests;

    public TwilioWebhookResource(OutboxStore store, TwilioRequests requests) {
        this.store = store;
        this.requests = requests;
    }

    @POST
    @Path("/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Twilio status callback", description = "Verified with X-Twilio-Signature (403 otherwise).")
    public Uni<Map<String, Object>> status(@HeaderParam("X-Twilio-Signature") String signature,
                                           MultivaluedMap<String, String> form, @Context UriInfo uri) {
        Map<String, String> params = requests.verified(signature, form, uri);
        String sid = params.get("MessageSid");
        String status = params.getOrDefault("MessageStatus", "").toUpperCase(Locale.ROOT);
        if (sid == null || !OutboxStore.PROGRESS.contains(status)) {
            return Uni.createFrom().item(Map.of("applied", false));
        }
        Long outbox = number("outbox", uri.getQueryParameters().getFirst("outbox"));
        Long code = number("ErrorCode", params.get("ErrorCode"));
        if (code != null && (code < 0 || code > Integer.MAX_VALUE)) {
            throw ApiException.badRequest("invalid_callback", "ErrorCode " + code + " is not a Twilio error code");
        }
        return store.callback(sid, outbox, status, code == null ? null : code.intValue()).map(applied -> Map.of("applied", applied));
    }

    private static Long number(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid_callback", name + " '" + value + "' is not a number");
        }
    }
}
