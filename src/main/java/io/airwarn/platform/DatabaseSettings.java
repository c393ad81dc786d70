package io.airwarn.platform;

import io.airwarn.core.StartupException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Decides between an external database (the standard Quarkus datasource variables) and the embedded one, and
 * checks an external database answers before Quarkus starts, so an operator gets one clear line instead of a
 * stack trace.
 */
final class DatabaseSettings {

    static final String REACTIVE_URL = "quarkus.datasource.reactive.url";
    static final String JDBC_URL = "quarkus.datasource.jdbc.url";
    static final String USERNAME = "quarkus.datasource.username";
    static final String PASSWORD = "quarkus.datasource.password";

    private DatabaseSettings() {
    }

    static boolean externalConfigured() {
        boolean reactive = setting(REACTIVE_URL) != null;
        boolean jdbc = setting(JDBC_URL) != null;
        if (reactive != jdbc) {
            throw new StartupException("An external database needs both QUARKUS_DATASOURCE_REACTIVE_URL and "
                    + "QUARKUS_DATASOURCE_JDBC_URL; only " + (reactive ? "the reactive" : "the JDBC") + " URL is set.");
        }
        return reactive;
    }

    static void checkExternalReachable() {
        String url = setting(JDBC_URL);
        Properties properties = new Properties();
        putIfSet(properties, "user", setting(USERNAME));
        putIfSet(properties, "password", setting(PASSWORD));
        properties.setProperty("connectTimeout", "10");
        try (Connection ignored = DriverManager.getConnection(url, properties)) {
            // reachable
        } catch (SQLException e) {
            throw new StartupException("The database at " + url + " cannot be reached: " + e.getMessage()
                    + ". Check QUARKUS_DATASOURCE_JDBC_URL, QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD.", e);
        }
    }

    static void useEmbedded(EmbeddedDatabase database) {
        System.setProperty(JDBC_URL, database.jdbcUrl());
        System.setProperty(REACTIVE_URL, database.reactiveUrl());
        System.setProperty(USERNAME, EmbeddedDatabase.USER);
        System.setProperty(PASSWORD, database.password());
    }

    /** A Quarkus setting from a system property or its environment variable, as Quarkus itself reads them. */
    static String setting(String key) {
        String value = System.getProperty(key);
        if (value == null) {
            value = System.getenv(key.toUpperCase().replace('.', '_').replace('-', '_'));
        }
        return value == null || value.isBlank() ? null : value;
    }

    private static void putIfSet(Properties properties, String key, String value) {
        if (value != null) {
            properties.setProperty(key, value);
        }
    }
}
