package io.airwarn.core;

import io.quarkus.runtime.LaunchMode;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * AirWarn's own public address, for absolute links: {@code AIRWARN_PUBLIC_URL}, else this node on localhost. A
 * request's Host header is never used: anyone can send any Host and have it echoed into feeds and redirects.
 */
@ApplicationScoped
public class PublicAddress {

    private final String configured;

    PublicAddress(AirWarnConfig config) {
        this.configured = config.publicUrl().map(url -> url.replaceAll("/+$", "")).orElse(null);
    }

    /** The base without a trailing slash, e.g. https://airwarn.example.gov.cn. */
    public String base() {
        return configured != null ? configured : local();
    }

    /** The configured base, or "" when none is: then redirects stay relative to wherever the browser is. */
    public String redirectBase() {
        return configured != null ? configured : "";
    }

    /** This node's own address; a random test port is only known once the server listens. */
    public static String local() {
        String key = LaunchMode.current() == LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port";
        String port = System.getProperty(key, ConfigProvider.getConfig().getOptionalValue(key, String.class)
                .orElse("8080"));
        return "http://localhost:" + port;
    }
}
