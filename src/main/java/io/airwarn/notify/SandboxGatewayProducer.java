package io.airwarn.notify;

import io.airwarn.core.AirWarnConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The in-process sandbox gateway, with the account AirWarn's own Twilio settings name. */
class SandboxGatewayProducer {

    @Produces
    @Singleton
    SandboxGateway gateway(AirWarnConfig config, Clock clock) {
        return new SandboxGateway(config.twilio().accountSid(), config.twilio().authToken(), clock);
    }
}
