package io.airwarn.backup;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A new data directory from a base backup and the WAL archive, up to a point in time: the base copied in, recovery
 * asked for ({@code recovery.signal} and the {@link RecoverySettings}), the server started; it accepts (read-only)
 * connections once the base is consistent, replays the archived WAL up to the time (or to the archive's end) and
 * promotes itself, which the restore waits for ({@code pg_is_in_recovery()} false). The recovery settings are then
 * reset, and the server stopped.
 */
final class PointInTimeRestore {

    private static final Duration POLL = Duration.ofMillis(200);

    private PointInTimeRestore() {
    }

    /** What was recovered. */
    record Result(String label, long timeline, String replayedTo) {
    }

    /**
     * Checks, writing nothing, that {@code base} is an AirWarn base backup and {@code archive} a directory, and that
     * {@code until} (null: the end of the archive) is not before the base backup was finished.
     */
    static BaseBackupInfo check(Path base, Path archive, OffsetDateTime until) {
        BaseBackupInfo info = BaseBackupInfo.read(base);
        for (String required : List.of("pg/PG_VERSION", "pg/backup_label", "database-password")) {
            if (!Files.isRegularFile(base.resolve(required))) {
                throw new BackupRefused(base + " is not a complete AirWarn base backup (" + required + " is missing)");
            }
        }
        if (!Files.isDirectory(archive)) {
            throw new BackupRefused("the WAL archive " + archive + " is not a directory");
        }
        RecoverySettings.restoreCommand(archive);
        if (until != null && until.isBefore(info.finished())) {
            throw new BackupRefused("--until " + until + " is before the base backup was finished ("
                    + info.finishedAt() + "): recover to a later time, or from an older base backup");
        }
        return info;
    }

    /**
     * Starts the server on the copied base; it accepts connections once the base is consistent. A server that exits
     * before (a segment missing, an archive that ends before --until) is no start.
     */
    private static DatabaseServers.Running startRecovering(DatabaseServers servers, Path pg, Path base, Path archive) {
        try {
            return servers.startEmbedded(pg, false);
        } catch (RuntimeException e) {
            String why = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage()
                    : e.getMessage();
            throw new IllegalStateException("recovery from " + base + " and " + archive + " did not get to a "
                    + "running server; the archive may miss a segment or end before --until (" + why + ")", e);
        }
    }

    /** Polls until the server has promoted itself; a server that stops recovering (and exits) fails the restore. */
    static void awaitEndOfRecovery(Statement s) throws SQLException, InterruptedException {
        while (true) {
            boolean recovering;
            try (ResultSet r = s.executeQuery("SELECT pg_is_in_recovery()")) {
                r.next();
                recovering = r.getBoolean(1);
            } catch (SQLException e) {
                throw new SQLException("the server stopped while recovering (the archive may miss a segment or end "
                        + "before --until): " + e.getMessage(), e);
            }
            if (!recovering) {
                return;
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    static Result restore(DatabaseServers servers, NewDirectory target, Path base, Path archive,
                          OffsetDateTime until) throws Exception {
        BaseBackupInfo info = check(base, archive, until);
        Path dataDir = target.directory();
        target.create();
        try {
            List<String> secrets = new ArrayList<>(InstallationSecretFiles.CARRIED);
            secrets.add(InstallationSecretFiles.DATABASE_PASSWORD);
            for (var secret : InstallationSecretFiles.read(base, secrets).entrySet()) {
                InstallationSecretFiles.write(dataDir, secret.getKey(), secret.getValue());
            }
            Path pg = dataDir.resolve("pg");
            BaseBackup.copy(base.resolve("pg"), pg, everything -> true);
            Files.writeString(pg.resolve("recovery.signal"), "", StandardCharsets.UTF_8);
            Files.writeString(pg.resolve("postgresql.auto.conf"), RecoverySettings.lines(archive, until),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            try (DatabaseServers.Running server = startRecovering(servers, pg, base, archive);
                 Connection c = LocalDatabase.connect(server.account());
                 Statement s = c.createStatement()) {
                awaitEndOfRecovery(s);
                for (String setting : RecoverySettings.NAMES) {
                    s.execute("ALTER SYSTEM RESET " + setting);
                }
                s.execute("SELECT pg_reload_conf()");
                try (ResultSet r = s.executeQuery("SELECT timeline_id FROM pg_control_checkpoint()")) {
                    r.next();
                    return new Result(info.label(), r.getLong(1), until == null ? "the end of the archive"
                            : until.toString());
                }
            }
        } catch (Exception | Error e) {
            target.discard();
            throw e;
        }
    }
}
