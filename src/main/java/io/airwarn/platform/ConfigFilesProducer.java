package io.airwarn.platform;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;

class ConfigFilesProducer {

    @Produces
    @Singleton
    ConfigFiles configFiles(AirWarnConfig config) {
        return new ConfigFiles(Path.of(config.configDir()));
    }
}
