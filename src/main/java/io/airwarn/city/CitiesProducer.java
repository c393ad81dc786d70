package io.airwarn.city;

import io.airwarn.core.ConfigFiles;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

class CitiesProducer {

    @Produces
    @Singleton
    @Startup
    Cities cities(ConfigFiles files) {
        return files.read("cities.yaml", CitiesReader::read);
    }
}
