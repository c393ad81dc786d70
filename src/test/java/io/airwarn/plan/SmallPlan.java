package io.airwarn.plan;

import io.airwarn.city.Cities;
import io.airwarn.city.CitiesReader;
import io.airwarn.core.WarningLevel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/** The hand-made test plan in src/test/resources/plans/small, copied where a test may break it. */
final class SmallPlan {

    static final Map<WarningLevel, Double> NATIONAL = Map.of(WarningLevel.YELLOW, 0.10, WarningLevel.ORANGE, 0.20,
            WarningLevel.RED, 0.30);
    static final Cities CITIES = readCities();

    private SmallPlan() {
    }

    private static Cities readCities() {
        try (InputStream in = Files.newInputStream(Path.of("config/cities.yaml"))) {
            return CitiesReader.read(in, "cities.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path copyTo(Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("220300-siping"));
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/plans/small"))) {
            for (Path f : files.toList()) {
                Files.copy(f, folder.resolve(f.getFileName()));
            }
        }
        return folder;
    }

    static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        if (!text.contains(from)) {
            throw new IllegalArgumentException(file + " does not contain " + from);
        }
        Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)));
    }

    static PlanReport validate(Path folder) {
        return PlanValidator.validate(PlanReader.read(folder), c -> CITIES.find(c).isPresent(), NATIONAL);
    }

    static Plan plan() {
        return PlanReader.read(Path.of("src/test/resources/plans/small")).plan();
    }
}
