package io.airwarn.platform;

import io.quarkus.logging.Log;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import org.eclipse.microprofile.config.ConfigProvider;

/** Runs the server until it is asked to stop, after telling the operator where to find it. */
public class ServeApplication implements QuarkusApplication {

    @Override
    public int run(String... args) {
        int port = ConfigProvider.getConfig().getOptionalValue("quarkus.http.port", Integer.class).orElse(8080);
        boolean swagger = ConfigProvider.getConfig().getOptionalValue("quarkus.swagger-ui.enabled", Boolean.class)
                .orElse(false);
        // A log line, not a print: with AIRWARN_LOG_FORMAT=json every line the server writes is one JSON object.
        Log.infof("AirWarn is running. Open http://localhost:%d/  (API documentation: %s)", port,
                swagger ? "http://localhost:" + port + "/q/swagger-ui" : "http://localhost:" + port + "/q/openapi");
        Quarkus.waitForExit();
        return 0;
    }
}
