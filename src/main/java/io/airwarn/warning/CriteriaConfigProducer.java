package io.airwarn.warning;

import io.airwarn.core.ConfigFiles;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

class CriteriaConfigProducer {

    @Produces
    @Singleton
    @Startup
    CriteriaConfig criteria(ConfigFiles files) {
        return files.read("warning-criteria.yaml", CriteriaConfig::read);
    }
}
