package io.airwarn.observation;

import io.airwarn.core.AirWarnConfig;
import io.airwarn.core.Yaml;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Loads the demo observations (a labelled replay of real Beijing data) into an empty database at startup, unless
 * {@code AIRWARN_DEMO=false}.
 */
@ApplicationScoped
public class DemoObservations {

    static final String MANIFEST = "demo/demo-observations.yaml";
    private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(5);

    record Manifest(String source, List<Site> stations) {
    }

    record Site(String city, String site) {
    }

    private final AirWarnConfig config;
    private final Pool pool;
    private final ObservationImportService importService;

    DemoObservations(AirWarnConfig config, Pool pool, ObservationImportService importService) {
        this.config = config;
        this.pool = pool;
        this.importService = importService;
    }

    /** At startup in demo mode, into an empty database: the demo observations. */
    public void loadAtStartup() {
        if (!config.demo()) {
            return;
        }
        boolean empty = pool.query("SELECT NOT EXISTS (SELECT 1 FROM station)").execute()
                .map(rows -> rows.iterator().next().getBoolean(0)).await().atMost(LOAD_TIMEOUT);
        if (empty) {
            int stations = load().await().atMost(LOAD_TIMEOUT).size();
            Log.infof("Loaded DEMO observations for %d units (a labelled replay of UCI Beijing data, not Jilin "
                    + "measurements). Start with AIRWARN_DEMO=false to skip this.", stations);
        }
    }

    /** Stores the demo excerpt; returns the city recomputations. */
    public Uni<List<ObservationImportService.CityRecomputation>> load() {
        Manifest manifest = Yaml.read(resource(MANIFEST), Manifest.class, MANIFEST);
        List<ObservationImportService.StationImport> imports = new ArrayList<>();
        for (Site site : manifest.stations()) {
            ParsedObservations parsed = PrsaCsvReader.read(gunzip("demo/PRSA_Data_" + site.site()
                    + "_20151101-20160131.csv.gz"));
            imports.add(new ObservationImportService.StationImport(new StationKey(site.city(),
                    "DEMO Beijing " + site.site()), manifest.source() + "; site " + site.site(), true, parsed.rows()));
        }
        return importService.store(imports);
    }

    private static InputStream resource(String name) {
        InputStream in = DemoObservations.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("demo resource " + name + " is missing from the application");
        }
        return in;
    }

    private static byte[] gunzip(String name) {
        try (InputStream in = new GZIPInputStream(resource(name))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("demo resource " + name + " cannot be read", e);
        }
    }
}
