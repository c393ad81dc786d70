package io.airwarn.city;

import io.airwarn.core.ApiException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * The current code of the unit a request names (by its code or a former code).
     *
     * @throws ApiException 404 when no unit answers to the code
     */
    public String requireCode(String code) {
        return find(code).orElseThrow(() -> ApiException.notFound("unknown_city",
                "city " + code + " is not one of AirWarn's units; see GET /api/cities")).code();
    }

    /** Finds a unit by its code or a former code. */
    /** Every unit's name by code, in Chinese or in English: tables and pages name units, never codes. */
    public Map<String, String> names(boolean english) {
        Map<String, String> names = new HashMap<>();
        all.forEach(c -> names.put(c.code(), english ? c.nameEn() : c.nameZh()));
        return names;
    }

    public Optional<City> find(String code) {
        return all.stream().filter(c -> c.answersTo(code)).findFirst();
    }
}
