package io.airwarn.backup;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The database a backup reads: the external one when {@code QUARKUS_DATASOURCE_JDBC_URL} is set, else the embedded one
 * of the data directory. A running embedded server is found by its port (line 4 of {@code pg/postmaster.pid}) and
 * the installation's {@code database-password}; when none runs, the command starts it and stops it when done.
 */
final class LocalDatabase implements AutoCloseable {

    private final DatabaseServers.Account account;
    private final String source;
    private final String description;
    private final DatabaseServers.Running started;

    private LocalDatabase(DatabaseServers.Account account, String source, String description,
                          DatabaseServers.Running started) {
        this.account = account;
        this.source = source;
        this.description = description;
        this.started = started;
    }

    static LocalDatabase find(DatabaseServers servers, Path dataDir) {
        Optional<DatabaseServers.Account> external = servers.external();
        if (external.isPresent()) {
            return new LocalDatabase(external.get(), "external", "the external database " + external.get().jdbcUrl(),
                    null);
        }
        Path pg = dataDir.resolve("pg");
        if (!Files.isRegularFile(pg.resolve("PG_VERSION"))) {
            throw new BackupRefused("there is no AirWarn database in " + dataDir.toAbsolutePath() + " (no "
                    + pg.resolve("PG_VERSION") + "): set AIRWARN_DATA_DIR to the service's data directory, or "
                    + "QUARKUS_DATASOURCE_JDBC_URL for an external database");
        }
        Optional<DatabaseServers.Account> running = running(dataDir);
        if (running.isPresent()) {
            return new LocalDatabase(running.get(), "embedded", "the running embedded database in " + pg, null);
        }
        DatabaseServers.Running server = servers.startEmbedded(pg, true);
        return new LocalDatabase(server.account(), "embedded", "the embedded database in " + pg
                + " (started for the backup)", server);
    }

    /**
     * The running embedded server of {@code dataDir}, if one answers on the port its {@code postmaster.pid} names; a
     * file left behind by a server that died is no server.
     */
    static Optional<DatabaseServers.Account> running(Path dataDir) {
        Path pid = dataDir.resolve("pg/postmaster.pid");
        Optional<Integer> port;
        try {
            port = Files.exists(pid) ? port(Files.readAllLines(pid, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            port = Optional.empty();
        }
        if (port.isEmpty()) {
            return Optional.empty();
        }
        DatabaseServers.Account account = new DatabaseServers.Account("jdbc:postgresql://127.0.0.1:" + port.get()
                + "/postgres", "postgres", password(dataDir));
        try (Connection ignored = connect(account)) {
            return Optional.of(account);
        } catch (SQLException e) {
            if (refused(e)) {
                return Optional.empty();
            }
            throw new IllegalStateException("the embedded database of " + dataDir.toAbsolutePath() + " (port "
                    + port.get() + ") does not accept the backup's connection: " + e.getMessage(), e);
        }
    }

    /** Line 4 of {@code postmaster.pid} is the server's port. Pure. */
    static Optional<Integer> port(List<String> postmasterPid) {
        if (postmasterPid.size() < 4) {
            return Optional.empty();
        }
        try {
            int port = Integer.parseInt(postmasterPid.get(3).strip());
            return port > 0 && port < 65_536 ? Optional.of(port) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String password(Path dataDir) {
        Path file = dataDir.resolve("database-password");
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new BackupRefused("the database password " + file.toAbsolutePath() + " cannot be read: "
                    + e.getMessage());
        }
    }

    private static boolean refused(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    static Connection connect(DatabaseServers.Account account) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", account.user());
        if (account.password() != null) {
            properties.setProperty("password", account.password());
        }
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("ApplicationName", "airwarn-backup");
        return DriverManager.getConnection(account.jdbcUrl(), properties);
    }

    Connection connect() throws SQLException {
        return connect(account);
    }

    DatabaseServers.Account account() {
        return account;
    }

    /** "embedded" or "external". */
    String source() {
        return source;
    }

    String description() {
        return description;
    }

    /** Stops the server if the command started it. */
    @Override
    public void close() {
        if (started != null) {
            started.close();
        }
    }
}
