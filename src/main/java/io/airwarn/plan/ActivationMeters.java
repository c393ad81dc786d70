package io.airwarn.plan;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.stream.Collectors;

/** This node's plan activations and the orders they made, by level (and recipient type), for Prometheus. */
@ApplicationScoped
class ActivationMeters {

    private final MeterRegistry registry;

    ActivationMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void activated(RulesEngine.Request request, List<Order> orders) {
        String level = request.level().name();
        Counter.builder("airwarn.activations").description("Plan activations stored, by level")
                .tag("level", level).tag("exercise", Boolean.toString(request.exercise())).register(registry)
                .increment();
        orders.stream().collect(Collectors.groupingBy(o -> o.recipientType().name(),
                        Collectors.counting()))
                .forEach((type, n) -> Counter.builder("airwarn.orders.created")
                        .description("Orders made by plan activations, by level and recipient type")
                        .tag("level", level).tag("recipient_type", type).register(registry).increment(n));
    }
}
