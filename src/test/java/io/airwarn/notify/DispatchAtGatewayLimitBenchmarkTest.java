package io.airwarn.notify;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Dispatch with the gateway limited to 200 messages/s and AirWarn configured for the same rate. */
@QuarkusTest
@Tag("benchmark")
@TestProfile(DispatchAtGatewayLimitBenchmarkTest.AtLimit.class)
class DispatchAtGatewayLimitBenchmarkTest extends DispatchBenchmark {

    public static class AtLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("airwarn.twilio.rate", "200");
        }
    }

    @Test
    void atTwoHundredPerSecond() throws IOException {
        run("dispatch, gateway limited to 200/s", 200);
    }
}
