package io.airwarn.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** This node's acknowledgements and escalations of orders, as counted for Prometheus. */
@ApplicationScoped
class OrderMeters {

    private final MeterRegistry registry;

    OrderMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** {@code count} orders of one recipient type acknowledged for the first time through {@code channel}. */
    void acknowledged(String recipientType, String channel, long count) {
        if (count > 0) {
            Counter.builder("airwarn.acknowledgements").description("Orders acknowledged, by recipient type and channel")
                    .tag("recipient_type", recipientType).tag("channel", channel).register(registry).increment(count);
        }
    }

    /** {@code count} silent orders of one level escalated to their supervisor or to headquarters. */
    void escalated(String to, String level, long count) {
        Counter.builder("airwarn.escalations").description("Silent orders escalated, by level and to whom")
                .tag("level", level).tag("to", to).register(registry).increment(count);
    }
}
