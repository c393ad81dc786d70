package io.airwarn.accountability;

import io.airwarn.city.Cities;
import io.airwarn.city.City;
import io.airwarn.core.ConfigFiles;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

class TargetsProducer {

    @Produces
    @Singleton
    @Startup
    Targets targets(ConfigFiles files, Cities cities) {
        return files.read("targets.yaml", (in, where) -> Targets.read(in, where,
                cities.all().stream().map(City::code).toList(), code -> cities.find(code).isPresent()));
    }
}
