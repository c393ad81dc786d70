package io.airwarn.accountability;

import io.airwarn.core.Yaml;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** The targets of {@code config/targets.yaml}, checked when read, with "all" expanded to the province and each unit. */
public record Targets(String source, List<Target> targets) {

    record Spec(String unit, String pollutant, String kind, Integer baselineYear, Double baselineValue,
                Integer targetYear, Double reductionPercent) {
    }

    record File(String source, List<Spec> targets) {
    }

    /** @throws IllegalArgumentException naming the file, the entry and the problem */
    public static Targets read(InputStream in, String where, List<String> units, Predicate<String> knownUnit) {
        File file = Yaml.read(in, File.class, where);
        if (file.targets() == null || file.targets().isEmpty()) {
            throw new IllegalArgumentException(where + ": targets is missing");
        }
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < file.targets().size(); i++) {
            Spec s = file.targets().get(i);
            String at = where + ": targets[" + i + "]";
            Statistic pollutant = parse(Statistic.class, s.pollutant(), at + ".pollutant");
            Target.Kind kind = parse(Target.Kind.class, s.kind(), at + ".kind");
            if (kind == Target.Kind.REDUCTION && (s.baselineYear() == null || s.targetYear() == null
                    || s.reductionPercent() == null || s.targetYear() <= s.baselineYear())) {
                throw new IllegalArgumentException(at + ": a REDUCTION needs baselineYear, a later targetYear and "
                        + "reductionPercent");
            }
            List<String> forUnits = "all".equals(s.unit()) ? withProvince(units) : List.of(String.valueOf(s.unit()));
            for (String unit : forUnits) {
                if (!unit.equals(Target.PROVINCE) && !knownUnit.test(unit)) {
                    throw new IllegalArgumentException(at + ".unit: '" + unit + "' is not one of the 12 units, "
                            + "'province' or 'all'");
                }
                targets.add(new Target(unit, pollutant, kind, s.baselineYear(), s.baselineValue(), s.targetYear(),
                        s.reductionPercent()));
            }
        }
        return new Targets(file.source(), List.copyOf(targets));
    }

    private static List<String> withProvince(List<String> units) {
        List<String> all = new ArrayList<>(List.of(Target.PROVINCE));
        all.addAll(units);
        return all;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, String where) {
        try {
            return Enum.valueOf(type, String.valueOf(name).toUpperCase(Locale.ROOT).replace('.', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": '" + name + "' is not one of "
                    + List.of(type.getEnumConstants()));
        }
    }
}
