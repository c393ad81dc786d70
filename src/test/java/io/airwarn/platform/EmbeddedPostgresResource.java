package io.airwarn.platform;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Starts a real PostgreSQL for the tests the same way AirWarnMain does for the application (tests do not go
 * through the @QuarkusMain), in a throwaway directory.
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private Path directory;
    private EmbeddedDatabase database;

    @Override
    public Map<String, String> start() {
        try {
            directory = Files.createTempDirectory("airwarn-test-pg");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        database = EmbeddedDatabase.start(directory.resolve("pg"), false);
        return Map.of(DatabaseSettings.JDBC_URL, database.jdbcUrl(),
                DatabaseSettings.REACTIVE_URL, database.reactiveUrl(),
                DatabaseSettings.USERNAME, EmbeddedDatabase.USER, DatabaseSettings.PASSWORD, database.password());
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
        }
        if (directory != null) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
