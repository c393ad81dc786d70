package io.airwarn.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogFactory;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.resource.classpath.ClassPathResource;

/**
 * The application's Flyway migrations ({@code classpath:db/migration}) outside Quarkus: which schema versions this
 * build knows, the version of a database, and migrating a new database up to a given version. The migration files
 * are listed once and handed to Flyway, so it works the same from {@code target/classes} and the packaged jar.
 */
final class SchemaMigrations {

    static final String LOCATION = "db/migration";
    static final String HISTORY_TABLE = "flyway_schema_history";
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.+\\.sql");

    private SchemaMigrations() {
    }

    /** The newest schema version among this build's migrations. */
    static MigrationVersion latest() {
        return files().stream().map(SchemaMigrations::versionOf).flatMap(Optional::stream)
                .max(MigrationVersion::compareTo)
                .orElseThrow(() -> new IllegalStateException("this build has no migrations in " + LOCATION));
    }

    /** The version a migration file name gives, e.g. {@code V23__escalation_digests.sql}: 23. */
    static Optional<MigrationVersion> versionOf(String fileName) {
        Matcher m = VERSIONED.matcher(fileName);
        return m.matches() ? Optional.of(MigrationVersion.fromVersion(m.group(1).replace('_', '.')))
                : Optional.empty();
    }

    /** The newest successfully applied version of a database's schema, or empty when it has no Flyway history. */
    static Optional<String> versionOf(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            try (ResultSet exists = s.executeQuery("SELECT to_regclass('public." + HISTORY_TABLE + "') IS NOT NULL")) {
                exists.next();
                if (!exists.getBoolean(1)) {
                    return Optional.empty();
                }
            }
            MigrationVersion newest = null;
            try (ResultSet r = s.executeQuery("SELECT version FROM public." + HISTORY_TABLE
                    + " WHERE success AND version IS NOT NULL")) {
                while (r.next()) {
                    MigrationVersion v = MigrationVersion.fromVersion(r.getString(1));
                    if (newest == null || v.compareTo(newest) > 0) {
                        newest = v;
                    }
                }
            }
            return Optional.ofNullable(newest).map(MigrationVersion::getVersion);
        }
    }

    /** Migrates the (new, empty) database to exactly {@code target}, as the application would have. */
    static void migrate(DatabaseServers.Account database, String target) {
        LogFactory.setLogCreator(type -> new WarningsOnly());
        ClassLoader loader = SchemaMigrations.class.getClassLoader();
        Location location = new Location("classpath:" + LOCATION);
        List<LoadableResource> resources = files().stream().<LoadableResource>map(f -> new ClassPathResource(location,
                LOCATION + "/" + f, loader, StandardCharsets.UTF_8)).toList();
        Flyway.configure(loader)
                .dataSource(database.jdbcUrl(), database.user(), database.password())
                .locations(location)
                .resourceProvider(new Listed(resources))
                .target(MigrationVersion.fromVersion(target))
                .load()
                .migrate();
    }

    /** The migration files' names, from the directory or the jar that holds {@code db/migration}. */
    static List<String> files() {
        TreeSet<String> names = new TreeSet<>();
        ClassLoader loader = SchemaMigrations.class.getClassLoader();
        try {
            Enumeration<URL> urls = loader.getResources(LOCATION);
            while (urls.hasMoreElements()) {
                names.addAll(list(urls.nextElement()));
            }
            if (names.isEmpty()) {
                // A class loader that does not list directories: look where this class itself was loaded from.
                URL codeSource = SchemaMigrations.class.getProtectionDomain().getCodeSource().getLocation();
                Path origin = Path.of(codeSource.toURI());
                names.addAll(Files.isDirectory(origin) ? listDirectory(origin.resolve(LOCATION)) : listJar(origin));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the migrations cannot be listed: " + e.getMessage(), e);
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("the migrations cannot be listed: " + e.getMessage(), e);
        }
        return names.stream().filter(n -> n.endsWith(".sql")).toList();
    }

    private static Collection<String> list(URL url) throws IOException {
        try {
            return switch (url.getProtocol()) {
                case "file" -> listDirectory(Path.of(url.toURI()));
                case "jar" -> listJar(Path.of(((JarURLConnection) url.openConnection()).getJarFileURL().toURI()));
                default -> List.of();
            };
        } catch (URISyntaxException | ClassCastException e) {
            return List.of();
        }
    }

    private static Collection<String> listDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
    }

    private static Collection<String> listJar(Path jar) throws IOException {
        List<String> names = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (name.startsWith(LOCATION + "/") && name.indexOf('/', LOCATION.length() + 1) < 0
                        && name.length() > LOCATION.length() + 1) {
                    names.add(name.substring(LOCATION.length() + 1));
                }
            }
        }
        return names;
    }

    /** The listed migrations, as Flyway asks for them by file name prefix and suffix. */
    private record Listed(List<LoadableResource> resources) implements ResourceProvider {
        @Override
        public LoadableResource getResource(String name) {
            return resources.stream().filter(r -> r.getRelativePath().equals(name) || r.getAbsolutePath().equals(name))
                    .findFirst().orElse(null);
        }

        @Override
        public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
            return resources.stream().filter(r -> r.getFilename().startsWith(prefix)
                    && Stream.of(suffixes).anyMatch(r.getFilename()::endsWith)).toList();
        }
    }

    /** Flyway's progress stays quiet; its warnings and errors reach the operator as lines on stderr. */
    private static final class WarningsOnly implements Log {
        @Override
        public void debug(String message) {
        }

        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
            System.err.println("flyway: " + message);
        }

        @Override
        public void error(String message) {
            System.err.println("flyway: " + message);
        }

        @Override
        public void error(String message, Exception e) {
            System.err.println("flyway: " + message);
        }

        @Override
        public void notice(String message) {
        }
    }
}
