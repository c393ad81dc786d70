package io.airwarn.notify;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Dispatch with no limit on either side: what the SDK, the gateway and the database sustain together. */
@QuarkusTest
@Tag("benchmark")
@TestProfile(DispatchUnlimitedBenchmarkTest.Unlimited.class)
class DispatchUnlimitedBenchmarkTest extends DispatchBenchmark {

    public static class Unlimited implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("airwarn.twilio.rate", "100000", "airwarn.twilio.concurrency", "16");
        }
    }

    @Test
    void unlimited() throws IOException {
        run("dispatch, gateway unlimited", 0);
    }
}
