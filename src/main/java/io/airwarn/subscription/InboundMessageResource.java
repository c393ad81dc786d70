package io.airwarn.subscription;

import io.airwarn.notify.Acknowledgements;
import io.airwarn.notify.TwilioRequests;
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
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Replies to AirWarn's messages (Twilio's inbound webhook): STOP, TD or 退订 opt the number out everywhere; an
 * order's short code from the number it went to acknowledges it.
 */
@Path("/api/twilio/inbound")
public class InboundMessageResource {

    static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

    private final TwilioRequests requests;
    private final SubscriptionService subscriptions;
    private final Acknowledgements acknowledgements;

    public InboundMessageResource(TwilioRequests requests, SubscriptionService subscriptions,
                                  Acknowledgements acknowledgements) {
        this.acknowledgements = acknowledgements;
        this.requests = requests;
        this.subscriptions = subscriptions;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_XML)
    @Operation(summary = "Twilio inbound message", description = "Verified with X-Twilio-Signature (403 otherwise).")
    public Uni<String> inbound(@HeaderParam("X-Twilio-Signature") String signature,
                               MultivaluedMap<String, String> form, @Context UriInfo uri) {
        Map<String, String> params = requests.verified(signature, form, uri);
        String from = params.get("From");
        if (from == null) {
            return Uni.createFrom().item(EMPTY_TWIML);
        }
        if (SubscriptionService.isStopWord(params.get("Body"))) {
            return subscriptions.optOutEverywhere(from).map(n -> EMPTY_TWIML);
        }
        // Otherwise a reply may be an order's short code: it counts only from the number the order went to.
        return acknowledgements.acknowledge(params.get("Body"), from, "SMS",
                Acknowledgements.Scope.phone(from)).map(ignored -> EMPTY_TWIML);
    }
}
