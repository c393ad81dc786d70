package io.airwarn.plan;

import io.airwarn.core.WarningLevel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Every plan folder (a folder holding a plan.yaml) below the plans directory, read and validated. */
public final class PlanFolders {

    /** A validated plan: the source and its report. */
    public record Checked(PlanSource source, PlanReport report) {
    }

    private PlanFolders() {
    }

    public static List<Checked> check(Path directory, Predicate<String> knownUnit,
                                      Map<WarningLevel, Double> minimumShare) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException(directory + " is not a directory of plans");
        }
        try (Stream<Path> folders = Files.list(directory)) {
            return folders.filter(f -> Files.isRegularFile(f.resolve(PlanSource.PLAN_FILE))).sorted()
                    .map(PlanReader::read)
                    .map(source -> new Checked(source, PlanValidator.validate(source, knownUnit, minimumShare)))
                    .toList();
        } catch (IOException e) {
            throw new IllegalArgumentException(directory + " cannot be listed: " + e.getMessage());
        }
    }
}
