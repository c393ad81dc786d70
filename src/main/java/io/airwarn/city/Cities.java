package io.airwarn.city;

import java.util.List;
import java.util.Optional;

/** The units AirWarn serves, in the order of the provincial rules. */
public final class Cities {

    private final List<City> all;

    public Cities(List<City> all) {
        this.all = List.copyOf(all);
    }

    public List<City> all() {
        return all;
    }

    /** Finds a unit by its code or a former code. */
    public Optional<City> find(String code) {
        return all.stream().filter(c -> c.answersTo(code)).findFirst();
    }
}
