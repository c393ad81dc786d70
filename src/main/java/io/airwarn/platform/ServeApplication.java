package io.airwarn.platform;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import org.eclipse.microprofile.config.ConfigProvider;

/** Runs the server until it is asked to stop, after telling the operator where to find it. */
public class ServeApplication implements QuarkusApplication {

    @Override
    public int run(String... args) {
        int port = ConfigProvider.getConfig().getOptionalValue("quarkus.http.port", Integer.class).orElse(8080);
        System.out.printf("%nAirWarn is running. Open http://localhost:%d/  (API documentation: "
                + "http://localhost:%d/q/swagger-ui)%n%n", port, port);
        Quarkus.waitForExit();
        return 0;
    }
}
