package io.airwarn.forecast;

import io.airwarn.cluster.ClusterSignals;
import io.airwarn.core.AirWarnConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The models the service forecasts with: {@code <city code>.yaml} for a unit's own model, {@code regional.yaml}
 * (fitted on the units' stored data together) for the other units, {@code default.yaml} (the bundled default when
 * the folder has none) where there is no regional model either. A file that fails to load is reported
 * and the model it would have replaced stays in use.
 */
@ApplicationScoped
@Startup
public class ForecastModelRegistry {

    static final String DEFAULT = "default";
    static final String REGIONAL = "regional";
    private static final String BUNDLED_DEFAULT = "airwarn-forecast-models/default.yaml";

    /** What a reload found: the models in use and the files that could not be used. */
    public record Report(List<Loaded> models, List<String> problems) {
    }

    public record Loaded(String name, String id, String version, String label) {
    }

    private final Path directory;
    private volatile Map<String, ForecastModel> models = Map.of();
    private volatile List<String> problems = List.of();

    private static final String SIGNAL = "forecast models";

    private final ClusterSignals signals;

    ForecastModelRegistry(AirWarnConfig config, ClusterSignals signals) {
        this.directory = Path.of(config.forecast().modelsDir());
        this.signals = signals;
    }

    @PostConstruct
    void load() {
        Report report = read();
        report.problems().forEach(problem -> Log.errorf("forecast model not loaded: %s", problem));
        signals.follow(SIGNAL, this::read);
    }

    /**
     * Reads the folder again here and tells the other nodes to do the same (blocking: call it off the event loop);
     * broken files keep their previous model, removed files drop theirs.
     */
    public Report reload() {
        Report report = read();
        signals.raise(SIGNAL).await().atMost(Duration.ofSeconds(30));
        return report;
    }

    private synchronized Report read() {
        Map<String, ForecastModel> next = new TreeMap<>();
        List<String> found = new ArrayList<>();
        if (Files.isDirectory(directory)) {
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList()) {
                    String name = file.getFileName().toString().replaceFirst("\\.yaml$", "");
                    try {
                        next.put(name, ForecastModels.read(file));
                    } catch (IllegalArgumentException e) {
                        ForecastModel previous = models.get(name);
                        if (previous != null) {
                            next.put(name, previous);
                        }
                        found.add(e.getMessage() + (previous != null ? " (the previous " + name
                                + " model stays in use)" : ""));
                    }
                }
            } catch (IOException e) {
                found.add(directory + ": cannot be listed (" + e.getMessage() + ")");
            }
        }
        if (!next.containsKey(DEFAULT)) {
            bundledDefault().ifPresent(model -> next.put(DEFAULT, model));
        }
        models = Map.copyOf(next);
        problems = List.copyOf(found);
        return report();
    }

    public Report report() {
        List<Loaded> loaded = models.entrySet().stream().map(e -> new Loaded(e.getKey(), e.getValue().id(),
                e.getValue().version(), e.getValue().file().label())).sorted((a, b) -> a.name().compareTo(b.name()))
                .toList();
        return new Report(loaded, problems);
    }

    /** The city's own model, or the regional one, or the default. */
    public Optional<ForecastModel> forCity(String cityCode) {
        ForecastModel own = models.get(cityCode);
        ForecastModel regional = models.get(REGIONAL);
        return Optional.ofNullable(own != null ? own : regional != null ? regional : models.get(DEFAULT));
    }

    /** Where a model is written: a city code, or {@link #REGIONAL}. */
    public Path fileFor(String name) {
        return directory.resolve(name + ".yaml");
    }

    private static Optional<ForecastModel> bundledDefault() {
        try (InputStream in = ForecastModelRegistry.class.getClassLoader().getResourceAsStream(BUNDLED_DEFAULT)) {
            return in == null ? Optional.empty() : Optional.of(ForecastModels.parse(in.readAllBytes(), BUNDLED_DEFAULT));
        } catch (IOException | IllegalArgumentException e) {
            Log.errorf("the bundled default forecast model cannot be used: %s", e.getMessage());
            return Optional.empty();
        }
    }
}
