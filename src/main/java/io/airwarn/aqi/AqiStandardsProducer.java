package io.airwarn.aqi;

import io.airwarn.core.AirWarnConfig;
import io.airwarn.core.ConfigFiles;
import io.airwarn.core.ConfigurationException;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

class AqiStandardsProducer {

    @Produces
    @Singleton
    @Startup
    AqiStandards aqiStandards(ConfigFiles files, AirWarnConfig config) {
        var tables = files.read("aqi-standards.yaml", AqiStandardsReader::read);
        try {
            return new AqiStandards(tables, config.aqi().standard());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("AIRWARN_AQI_STANDARD: " + e.getMessage(), e);
        }
    }
}
