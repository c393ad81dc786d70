package io.airwarn.warning;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.airwarn.core.WarningLevel;
import io.airwarn.core.Yaml;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code warning-criteria.yaml}: the criteria sets, the default, and each city's choice. */
public final class CriteriaConfig {

    record File(@JsonProperty("default") String defaultSet, Map<String, SetSpec> sets, Map<String, CitySpec> cities) {
    }

    record SetSpec(String source, Integer threshold, Integer severeThreshold, Integer extremeAqi,
                   Boolean orangeRequiresSevereDay, List<LevelSpec> levels) {
    }

    record LevelSpec(WarningLevel level, Integer minDays, Integer minSevereDays) {
    }

    /** A city's criteria: another set, stricter thresholds, the orange switch, probabilistic triggering. */
    public record CitySpec(String criteria, Integer threshold, Integer severeThreshold, Boolean orangeRequiresSevereDay,
                           Double probability) {
    }

    /** The criteria that apply to one city: the set with its overrides, and the probability if probabilistic. */
    public record ForCity(CriteriaSet set, Double probability) {
    }

    private final Map<String, CriteriaSet> sets;
    private final String defaultSet;
    private final Map<String, CitySpec> cities;

    private CriteriaConfig(Map<String, CriteriaSet> sets, String defaultSet, Map<String, CitySpec> cities) {
        this.sets = sets;
        this.defaultSet = defaultSet;
        this.cities = cities;
    }

    /** @throws IllegalArgumentException naming the file and the problem */
    public static CriteriaConfig read(InputStream in, String fileName) {
        File file = Yaml.read(in, File.class, fileName);
        if (file.sets() == null || file.sets().isEmpty()) {
            throw new IllegalArgumentException(fileName + ": no criteria sets");
        }
        Map<String, CriteriaSet> sets = new LinkedHashMap<>();
        file.sets().forEach((id, spec) -> sets.put(id, toSet(fileName, id, spec)));
        if (file.defaultSet() == null || !sets.containsKey(file.defaultSet())) {
            throw new IllegalArgumentException(fileName + ": default must name one of " + sets.keySet());
        }
        Map<String, CitySpec> cities = file.cities() == null ? Map.of() : Map.copyOf(file.cities());
        cities.forEach((code, c) -> {
            if (c.criteria() != null && !sets.containsKey(c.criteria())) {
                throw new IllegalArgumentException(fileName + ": cities." + code + ".criteria must name one of "
                        + sets.keySet());
            }
            if (c.probability() != null && (c.probability() <= 0 || c.probability() >= 1)) {
                throw new IllegalArgumentException(fileName + ": cities." + code + ".probability must lie in (0, 1)");
            }
        });
        return new CriteriaConfig(sets, file.defaultSet(), cities);
    }

    private static CriteriaSet toSet(String fileName, String id, SetSpec s) {
        String at = fileName + ": sets." + id + ": ";
        if (s == null || s.threshold() == null || s.severeThreshold() == null || s.extremeAqi() == null
                || s.levels() == null || s.levels().isEmpty()) {
            throw new IllegalArgumentException(at + "threshold, severeThreshold, extremeAqi and levels are required");
        }
        if (s.threshold() <= 0 || s.severeThreshold() <= s.threshold() || s.extremeAqi() <= s.severeThreshold()) {
            throw new IllegalArgumentException(at + "need 0 < threshold < severeThreshold < extremeAqi");
        }
        List<CriteriaSet.LevelRule> rules = new ArrayList<>();
        CriteriaSet.LevelRule previous = null;
        for (LevelSpec l : s.levels()) {
            if (l.level() == null || l.level() == WarningLevel.NONE || l.minDays() == null || l.minDays() < 1) {
                throw new IllegalArgumentException(at + "each level needs a level above NONE and minDays >= 1");
            }
            CriteriaSet.LevelRule rule = new CriteriaSet.LevelRule(l.level(), l.minDays(),
                    l.minSevereDays() == null ? 0 : l.minSevereDays());
            if (previous != null && (rule.level().compareTo(previous.level()) <= 0
                    || rule.minDays() < previous.minDays() || rule.minSevereDays() < previous.minSevereDays())) {
                throw new IllegalArgumentException(at + "levels must rise in severity and need no fewer days");
            }
            rules.add(rule);
            previous = rule;
        }
        return new CriteriaSet(id, s.source(), s.threshold(), s.severeThreshold(), s.extremeAqi(),
                Boolean.TRUE.equals(s.orangeRequiresSevereDay()), rules);
    }

    public Optional<CriteriaSet> set(String id) {
        return Optional.ofNullable(sets.get(id));
    }

    public String defaultSet() {
        return defaultSet;
    }

    public Set<String> ids() {
        return sets.keySet();
    }

    public ForCity forCity(String cityCode) {
        CitySpec c = cities.get(cityCode);
        if (c == null) {
            return new ForCity(sets.get(defaultSet), null);
        }
        CriteriaSet base = sets.get(c.criteria() == null ? defaultSet : c.criteria());
        return new ForCity(base.with(c.threshold(), c.severeThreshold(), c.orangeRequiresSevereDay()), c.probability());
    }
}
