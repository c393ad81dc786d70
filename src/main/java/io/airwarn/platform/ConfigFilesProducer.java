package io.airwarn.platform;

import io.airwarn.core.AirWarnConfig;
import io.airwarn.core.ConfigFiles;
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
