package io.airwarn.compliance;

import io.airwarn.compliance.hj212.Hj212Server;
import io.airwarn.core.AirWarnConfig;
import io.airwarn.core.StartupException;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.TimeUnit;

/**
 * The TCP port the enterprises' data acquisition devices send to ({@code AIRWARN_HJ212_PORT}; none unless set), with
 * TLS when {@code AIRWARN_HJ212_TLS_CERT} and {@code AIRWARN_HJ212_TLS_KEY} are given. Every node may listen: a
 * TCP load balancer spreads the devices, and the data go to the shared database.
 */
@ApplicationScoped
class Hj212Listener {

    private final AirWarnConfig.Hj212 config;
    private final StackFeed feed;
    private final Vertx vertx;
    private final MeterRegistry registry;
    private volatile Hj212Server server;

    Hj212Listener(AirWarnConfig config, StackFeed feed, Vertx vertx, MeterRegistry registry) {
        this.config = config.hj212();
        this.feed = feed;
        this.vertx = vertx;
        this.registry = registry;
    }

    void start(@Observes StartupEvent event) {
        if (config.port().isEmpty()) {
            return;
        }
        Hj212Server.Settings settings = Hj212Server.Settings.defaults().withIdleTimeout(config.idleTimeout());
        if (config.tlsCert().isPresent() != config.tlsKey().isPresent()) {
            throw new StartupException("HJ 212 over TLS needs both AIRWARN_HJ212_TLS_CERT and AIRWARN_HJ212_TLS_KEY.");
        }
        if (config.tlsCert().isPresent()) {
            settings = settings.withTls(config.tlsKey().get(), config.tlsCert().get());
        }
        try {
            server = Hj212Server.start(vertx, config.port().get(), feed, settings).toCompletionStage()
                    .toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new StartupException("The HJ 212 listener cannot open port " + config.port().get() + ": "
                    + e.getMessage() + ". Set AIRWARN_HJ212_PORT to a free port.", e);
        }
        var counters = server.counters();
        Gauge.builder("airwarn.hj212.connections", server, Hj212Server::connections)
                .description("Devices connected to this node").register(registry);
        FunctionCounter.builder("airwarn.hj212.replies", counters, c -> c.replies())
                .description("HJ 212 answers sent (9014, 9011, 9013)").register(registry);
        Log.infof("HJ 212 listener on port %d%s", server.port(), config.tlsCert().isPresent() ? " (TLS)" : "");
    }

    void stop(@Observes ShutdownEvent event) {
        if (server != null) {
            server.close();
        }
    }

    /** The port it listens on (0: none), for the simulator and the tests. */
    int port() {
        return server == null ? 0 : server.port();
    }
}
