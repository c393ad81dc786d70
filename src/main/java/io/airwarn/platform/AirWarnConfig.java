package io.airwarn.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

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

    /** {@code AIRWARN_PLANS_DIR}: the contingency plan folders. */
    @WithDefault("contingency-plans")
    String plansDir();

    interface Forecast {
        /** {@code AIRWARN_FORECAST_CRON}: when forecast runs start (Quartz cron, Beijing time); "off" disables. */
        @WithDefault("0 0 7,15 * * ?")
        String cron();

        /** {@code AIRWARN_MODELS_DIR}: the fitted model files. */
        @WithDefault("forecast-models")
        String modelsDir();
    }

    interface Aqi {
        /** {@code AIRWARN_AQI_STANDARD}: the breakpoint table used for stored city AQI. */
        @WithDefault("HJ633-2012")
        String standard();
    }
}
