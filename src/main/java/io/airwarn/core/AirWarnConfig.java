package io.airwarn.core;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** AirWarn's own settings; each can be set by the environment variable of the same name (AIRWARN_...). */
@ConfigMapping(prefix = "airwarn")
public interface AirWarnConfig {

    /** {@code AIRWARN_CONFIG_DIR}: the deployment-editable configuration (cities, AQI tables, ...). */
    @WithDefault("config")
    String configDir();

    /** {@code AIRWARN_DEMO}: load the demo observations into an empty database at startup. */
    @WithDefault("true")
    boolean demo();

    /** {@code AIRWARN_ADMIN_PASSWORD}: creates the user "admin" with this password if it does not exist. */
    Optional<String> adminPassword();

    /** {@code AIRWARN_DEMO_USERS}: create the documented demo users (also whenever demo data are loaded). */
    @WithDefault("false")
    boolean demoUsers();

    Aqi aqi();

    Forecast forecast();

    /** {@code AIRWARN_WARNING_REMINDER_EVERY}: how often duty officers are reminded of overdue warnings. */
    @WithDefault("1h")
    String warningReminderEvery();

    Twilio twilio();

    Audit audit();

    /**
     * {@code AIRWARN_SUBSCRIPTION_COUNTRIES}: the country calling codes whose mobile numbers may subscribe to public
     * warnings (default 86, mainland China): the form must not run up international SMS bills.
     */
    @WithDefault("86")
    List<Integer> subscriptionCountries();

    Metrics metrics();

    Hj212 hj212();

    /** The stack monitors' HJ 212-2017 feed and the curtailment checks made from it. */
    interface Hj212 {
        /** {@code AIRWARN_HJ212_PORT}: the TCP port devices connect to; no listener unless set. */
        Optional<Integer> port();

        /**
         * {@code AIRWARN_HJ212_DEMO_PASSWORD}: the password of every device of a SAMPLE plan while demo data are on
         * (demo only: real devices' passwords come from {@link #passwordsFile()}).
         */
        @WithDefault("123456")
        String demoPassword();

        /** {@code AIRWARN_HJ212_DEMO_DEVICES}: whether SAMPLE plans' devices get the demo password (default: demo). */
        Optional<Boolean> demoDevices();

        /** {@code AIRWARN_HJ212_PASSWORDS_FILE}: lines "MN PASSWORD", owner-readable only, never in git. */
        Optional<String> passwordsFile();

        /** {@code AIRWARN_HJ212_MINUTE_DAYS}: how long minute data are kept. */
        @WithDefault("7")
        int minuteDays();

        /** {@code AIRWARN_HJ212_BASELINE_DAYS}: the days before a warning whose same hours are its baseline. */
        @WithDefault("14")
        int baselineDays();

        /** {@code AIRWARN_HJ212_CHECK_CRON}: when the warnings in response are checked ("off" stops it). */
        @WithDefault("0 10 * * * ?")
        String checkCron();

        /** {@code AIRWARN_HJ212_IDLE_TIMEOUT}: a connection silent this long is closed. */
        @WithDefault("PT10M")
        Duration idleTimeout();

        /** {@code AIRWARN_HJ212_TLS_CERT} and {@code AIRWARN_HJ212_TLS_KEY}: PEM files; TLS when both are set. */
        Optional<String> tlsCert();

        Optional<String> tlsKey();
    }

    /** The state gauges for Prometheus. */
    interface Metrics {
        /** {@code AIRWARN_METRICS_REFRESH}: how often each node reads the state gauges from the database. */
        @WithDefault("PT15S")
        Duration refresh();

        /** {@code AIRWARN_METRICS_AUDIT_EVERY}: how often each node verifies the whole audit chain for its gauge. */
        @WithDefault("PT10M")
        Duration auditEvery();
    }

    /** The audit chain's key and whether an unkeyed chain may be sealed under it (set by AuditKey at startup). */
    interface Audit {
        /** {@code AIRWARN_AUDIT_KEY}, else the installation's own from the data directory. */
        String key();

        @WithDefault("false")
        boolean sealUnkeyed();
    }

    /**
     * The SMS channel. Without {@code AIRWARN_TWILIO_BASE_URL} messages go to the sandbox gateway built into AirWarn
     * while {@code sandbox} is true (the default, so a fresh install never texts real people), else to Twilio.
     */
    interface Twilio {
        /**
         * {@code AIRWARN_TWILIO_ACCOUNT_SID}; unset, the installation's own sandbox account (SandboxAccount) is used.
         */
        String accountSid();

        /** {@code AIRWARN_TWILIO_AUTH_TOKEN}; unset, the installation's own sandbox token. Never logged. */
        String authToken();

        /** {@code AIRWARN_TWILIO_MESSAGING_SERVICE_SID}, used when set; otherwise {@code from}. */
        Optional<String> messagingServiceSid();

        /** {@code AIRWARN_TWILIO_FROM}: the sender number. */
        @WithDefault("+15005550006")
        String from();

        /** {@code AIRWARN_TWILIO_BASE_URL}: where the Twilio REST API is. */
        Optional<String> baseUrl();

        /** {@code AIRWARN_TWILIO_SANDBOX}: run the built-in sandbox gateway and use it when no base URL is set. */
        @WithDefault("true")
        boolean sandbox();

        /** {@code AIRWARN_TWILIO_CALLBACK_URL}: AirWarn's public address for status callbacks. */
        Optional<String> callbackUrl();

        /** {@code AIRWARN_TWILIO_RATE}: messages per second per sender. */
        @WithDefault("100")
        double rate();

        /** {@code AIRWARN_TWILIO_CONCURRENCY}: requests in flight at once. */
        @WithDefault("8")
        int concurrency();

        /**
         * {@code AIRWARN_TWILIO_RESPONSE_TIMEOUT}: how long a send waits for the provider's answer; after that its
         * outcome is unknown until reconciled with the provider's record.
         */
        @WithDefault("PT10S")
        Duration responseTimeout();

        /**
         * {@code AIRWARN_TWILIO_STALE_CLAIM}: how long a claimed message may stay unsettled before another node takes
         * its sender for dead and reconciles it with the provider; longer than any send can take.
         */
        @WithDefault("PT60S")
        Duration staleClaim();

        /**
         * {@code AIRWARN_TWILIO_MAX_BACKOFF}: the longest wait between two tries of a message while the provider
         * fails (waits start at 2 s and double, with jitter); also how late a message may go out after an outage.
         */
        @WithDefault("PT5M")
        Duration maxBackoff();
    }

    /** How long a recipient has to acknowledge an order, per level (ISO-8601 durations), and links. */
    Ack ack();

    interface Ack {
        /** {@code AIRWARN_ACK_RED}. */
        @WithDefault("PT1H")
        Duration red();

        /** {@code AIRWARN_ACK_ORANGE}. */
        @WithDefault("PT2H")
        Duration orange();

        /** {@code AIRWARN_ACK_YELLOW}. */
        @WithDefault("PT4H")
        Duration yellow();

        /** {@code AIRWARN_ACK_BLUE}. */
        @WithDefault("PT8H")
        Duration blue();

        /**
         * {@code AIRWARN_ACK_LINK_BASE}: AirWarn's public address (e.g. https://airwarn.example.gov.cn). When set,
         * orders carry a one-time acknowledgement link; unset by default because mainland Chinese SMS may carry no
         * URLs.
         */
        Optional<String> linkBase();
    }

    /** Who is told by SMS that a warning waits for approval. */
    ApprovalSms approvalSms();

    interface ApprovalSms {
        /**
         * {@code AIRWARN_APPROVAL_SMS_TO}: the on-duty approvers' mobiles (comma-separated, E.164); unset sends none.
         */
        Optional<List<String>> to();

        /** {@code AIRWARN_APPROVAL_SMS_LEVELS}: the levels awaiting approval that send the SMS. */
        @WithDefault("ORANGE,RED")
        Set<WarningLevel> levels();
    }

    /** {@code AIRWARN_ESCALATION_EVERY}: how often unacknowledged orders are checked; "off" stops it. */
    @WithDefault("1m")
    String escalationEvery();

    /** {@code AIRWARN_DISPATCH_EVERY}: how often the dispatcher looks for due messages; "off" stops it. */
    @WithDefault("1s")
    String dispatchEvery();

    /** {@code AIRWARN_MESSAGE_VALIDITY}: how long a queued message may still be sent (ISO-8601, e.g. PT24H). */
    @WithDefault("PT24H")
    Duration messageValidity();

    /**
     * {@code AIRWARN_CLUSTER_POLL}: how often a node checks whether another node reloaded the plans or forecast
     * models; PT0S turns it off.
     */
    @WithDefault("PT5S")
    Duration clusterPoll();

    /** {@code AIRWARN_PUBLIC_CACHE}: how long a node reuses the public warnings before it asks the database again. */
    @WithDefault("PT5S")
    Duration publicCache();

    /**
     * {@code AIRWARN_QUALITY_RULES}: check imported station hours with the data-quality rules and leave flagged
     * values out of the aggregates; "false" keeps every value (a network that runs its own checks).
     */
    @WithDefault("true")
    boolean qualityRules();

    /** {@code AIRWARN_CAP_SENDER}: the CAP alerts' sender, an address that identifies the issuing office. */
    @WithDefault("airwarn@jilin.example")
    String capSender();

    /**
     * {@code AIRWARN_PUBLIC_URL}: the address people and feeds reach AirWarn at (e.g. https://airwarn.example.gov.cn).
     * Every absolute link (Atom, CAP, redirects) is built from it, never from a request's Host header.
     */
    Optional<String> publicUrl();

    /** {@code AIRWARN_PLANS_DIR}: the contingency plan folders. */
    @WithDefault("contingency-plans")
    String plansDir();

    interface Forecast {
        /** {@code AIRWARN_FORECAST_CRON}: when forecast runs start (Quartz cron, Beijing time); "off" disables. */
        @WithDefault("0 0 7,15 * * ?")
        String cron();

        /** {@code AIRWARN_FORECAST_MODELS_DIR}: the fitted model files. */
        @WithDefault("forecast-models")
        String modelsDir();
    }

    interface Aqi {
        /** {@code AIRWARN_AQI_STANDARD}: the breakpoint table used for stored city AQI. */
        @WithDefault("HJ633-2012")
        String standard();
    }
}
