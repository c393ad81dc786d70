package io.airwarn.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * This node's SMS sending as counted for Prometheus: attempts, failures by the provider's error code (a bounded set,
 * never a number or message id), the provider's latency and the waits the rate limiter imposed.
 */
@ApplicationScoped
class SendMeters {

    private final MeterRegistry registry;
    private final Counter attempts;
    private final Timer latency;
    private final Timer limiterWaits;

    SendMeters(MeterRegistry registry) {
        this.registry = registry;
        this.attempts = Counter.builder("airwarn.sms.send.attempts")
                .description("SMS send requests made to the provider").register(registry);
        this.latency = Timer.builder("airwarn.sms.provider.latency").description("Time the provider took to answer a send")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(5))
                .maximumExpectedValue(Duration.ofSeconds(30)).register(registry);
        this.limiterWaits = Timer.builder("airwarn.sms.rate.limiter.wait")
                .description("Waits for a send permit under the provider's rate limit").register(registry);
    }

    void sent(Duration took, SendResult result) {
        attempts.increment();
        latency.record(took);
        if (result.outcome() != SendResult.Outcome.ACCEPTED) {
            Counter.builder("airwarn.sms.send.failures").description("SMS sends not accepted, by error code")
                    .tag("error_code", errorCode(result)).register(registry).increment();
        }
    }

    void waited(long nanos) {
        if (nanos > 0) {
            limiterWaits.record(Duration.ofNanos(nanos));
        }
    }

    /** The provider's code, else what kind of failure it was. */
    static String errorCode(SendResult result) {
        if (result.errorCode() != null) {
            return result.errorCode().toString();
        }
        return result.outcome() == SendResult.Outcome.UNKNOWN ? "timeout" : "network";
    }
}
