package io.airwarn.platform;

import io.airwarn.audit.AuditLog;
import io.airwarn.audit.ConfigurationAudit;
import io.airwarn.cluster.ClusterSignals;
import io.airwarn.core.StateMetrics;
import io.airwarn.forecast.ForecastJob;
import io.airwarn.notify.TwilioChannel;
import io.airwarn.observation.DemoObservations;
import io.airwarn.plan.PlanRegistry;
import io.airwarn.user.UserBootstrap;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * What a node does when it starts, in this order and nowhere else: the audit chain is checked before anything is
 * recorded in it; users exist before anything acts; the configuration files and plans are recorded and loaded; the
 * demo observations are in before the first forecasts read them; only then does the node follow the other nodes'
 * signals, read its state gauges and say where its SMS go.
 */
@ApplicationScoped
class StartupSequence {

    private final AuditLog audit;
    private final UserBootstrap users;
    private final ConfigurationAudit configuration;
    private final PlanRegistry plans;
    private final DemoObservations demo;
    private final ForecastJob forecasts;
    private final ClusterSignals signals;
    private final TwilioChannel sms;
    private final StateMetrics metrics;

    StartupSequence(AuditLog audit, UserBootstrap users, ConfigurationAudit configuration, PlanRegistry plans,
                    DemoObservations demo, ForecastJob forecasts, ClusterSignals signals, TwilioChannel sms,
                    StateMetrics metrics) {
        this.metrics = metrics;
        this.audit = audit;
        this.users = users;
        this.configuration = configuration;
        this.plans = plans;
        this.demo = demo;
        this.forecasts = forecasts;
        this.signals = signals;
        this.sms = sms;
    }

    void onStart(@Observes StartupEvent event) {
        audit.checkAtStartup();
        users.createAtStartup();
        configuration.recordAtStartup();
        plans.loadAtStartup();
        demo.loadAtStartup();
        forecasts.firstForecastsAtStartup();
        signals.pollFromStartup();
        metrics.refreshFromStartup();
        sms.announce();
    }
}
