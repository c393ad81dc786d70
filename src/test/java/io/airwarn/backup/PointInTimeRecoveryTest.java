package io.airwarn.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.airwarn.core.StartupException;
import io.airwarn.platform.EmbeddedDatabase;
import io.airwarn.platform.Eventually;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Continuous archiving and point-in-time recovery on real embedded servers: a server archiving its WAL, a base backup
 * taken while it runs, more commits, and recovery from the base and the archive to a time between two commits (only
 * the earlier is there) and to the end of the archive (both are). The commands' refusals need no server.
 */
class PointInTimeRecoveryTest {

    @TempDir
    Path temp;

    @Test
    void aBaseBackupAndTheArchivedWalRecoverToAPointInTimeOrToTheEnd() throws Exception {
        Path archive = temp.resolve("wal-archive");
        Path original = temp.resolve("original");
        Path base = temp.resolve("base");
        Files.createDirectories(original);
        Files.writeString(original.resolve("audit-key"), "the installation's audit key\n");
        OffsetDateTime between;
        try (EmbeddedDatabase db = EmbeddedDatabase.start(original.resolve("pg"), false, 0, archive)) {
            execute(db, "CREATE TABLE t (n integer)", "INSERT INTO t SELECT generate_series(1, 10)");
            assertEquals(0, new CommandLine(new BackupCommand(servers(archive, List.of()), original))
                    .execute("--base", base.toString()), "backup --base of the running server");
            execute(db, "INSERT INTO t SELECT generate_series(11, 20)");
            between = OffsetDateTime.parse(query(db, "SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', "
                    + "'YYYY-MM-DD\"T\"HH24:MI:SS.US') || 'Z'")).withOffsetSameInstant(java.time.ZoneOffset.ofHours(8));
            execute(db, "INSERT INTO t SELECT generate_series(21, 30)");
            String segment = query(db, "SELECT pg_walfile_name(pg_switch_wal())");
            Eventually.await("the last segment archived", Duration.ofSeconds(60), () -> {
                String archived = query(db, "SELECT last_archived_wal FROM pg_stat_archiver");
                return archived != null && archived.compareTo(segment) >= 0;
            });
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                base.resolve("database-password"))));
        assertEquals("the installation's audit key\n", Files.readString(base.resolve("audit-key")));
        assertTrue(Files.exists(base.resolve("pg/backup_label")) && !Files.exists(base.resolve("pg/postmaster.pid")),
                "the label written, the running server's pid file left out");
        try (Stream<Path> wal = Files.list(base.resolve("pg/pg_wal"))) {
            assertEquals(List.of(base.resolve("pg/pg_wal/archive_status")), wal.toList(), "WAL comes from the archive");
        }

        List<String> seen = new ArrayList<>();
        Path toTheTime = temp.resolve("to-the-time");
        assertEquals(0, new CommandLine(new RestoreCommand(servers(null, seen), toTheTime)).execute("--base",
                base.toString(), "--wal-archive", archive.toString(), "--until", between.toString()));
        assertEquals(List.of("false|20|20"), seen, "recovered to the time between the commits, and promoted");
        String conf = Files.readString(toTheTime.resolve("pg/postgresql.auto.conf"));
        assertFalse(conf.contains("restore_command") || conf.contains("recovery_target"), "settings reset: " + conf);
        assertEquals("the installation's audit key\n", Files.readString(toTheTime.resolve("audit-key")));

        seen.clear();
        Path toTheEnd = temp.resolve("to-the-end");
        assertEquals(0, new CommandLine(new RestoreCommand(servers(null, seen), toTheEnd)).execute("--base",
                base.toString(), "--wal-archive", archive.toString()));
        assertEquals(List.of("false|30|30"), seen, "recovered all the archive holds");
    }

    @Test
    void aWalArchiveThatCannotBeWrittenStopsTheStart() throws Exception {
        Path notADirectory = Files.writeString(temp.resolve("archive-file"), "x");
        StartupException e = assertThrows(StartupException.class,
                () -> EmbeddedDatabase.start(temp.resolve("pg"), false, 0, notADirectory));
        assertTrue(e.getMessage().startsWith("The WAL archive directory " + notADirectory.toAbsolutePath()
                + " (AIRWARN_WAL_ARCHIVE_DIR) cannot be created or written"), e.getMessage());
        assertFalse(Files.exists(temp.resolve("pg/PG_VERSION")), "no server was made");
    }

    @Test
    void theCommandsRefuseWhatCannotWorkBeforeWritingAnything() throws Exception {
        Path base = Files.createDirectories(temp.resolve("base"));
        Path archive = Files.createDirectories(temp.resolve("archive"));
        Path data = temp.resolve("data");
        refused(restore(data, "--base", base.toString(), "--wal-archive", archive.toString()),
                "is not an AirWarn base backup");
        new BaseBackupInfo(BaseBackupInfo.FORMAT, "l", "0/2000028", "0/2000100", "2026-12-02T10:15:00+08:00", "17")
                .write(base);
        refused(restore(data, "--base", base.toString(), "--wal-archive", archive.toString()),
                "is not a complete AirWarn base backup (pg/PG_VERSION is missing)");
        for (String file : List.of("pg/PG_VERSION", "pg/backup_label", "database-password")) {
            Files.createDirectories(base.resolve(file).getParent());
            Files.writeString(base.resolve(file), "x\n");
        }
        refused(restore(data, "--base", base.toString(), "--wal-archive", archive.toString(), "--until",
                "2026-12-02T10:14:59+08:00"), "is before the base backup was finished (2026-12-02T10:15:00+08:00)");
        refused(restore(data, "--base", base.toString(), "--wal-archive", archive.toString(), "--until",
                "2026-12-02 10:30"), "--until must be an ISO-8601 time with its offset");
        refused(restore(data, "--base", base.toString(), "--wal-archive", temp.resolve("nowhere").toString()),
                "is not a directory");
        refused(restore(data, "--base", base.toString()), "--base needs --wal-archive");
        refused(restore(data, "backup.zip", "--until", "2026-12-02T10:30:00+08:00"), "go with --base");
        Files.createDirectories(data).resolve("x").toFile().createNewFile();
        refused(restore(data, "--base", base.toString(), "--wal-archive", archive.toString()), "is not empty");

        BackupCommand both = new BackupCommand(servers(null, List.of()), temp.resolve("no-data"));
        both.out = temp.resolve("b.zip");
        both.base = temp.resolve("b");
        refused(both, "give either --out FILE");
        BackupCommand notEmpty = new BackupCommand(servers(null, List.of()), temp.resolve("no-data"));
        notEmpty.base = data;
        refused(notEmpty, "the base backup directory " + data.toAbsolutePath() + " is not empty");
    }

    /**
     * A recovery whose server does not come up (in reality: the archive misses a segment or ends before --until, and
     * the server exits) removes the directory it wrote; the recovery settings and the base's secrets were in place.
     */
    @Test
    void aRecoveryThatFailsRemovesWhatItWrote() throws Exception {
        Path base = Files.createDirectories(temp.resolve("base"));
        new BaseBackupInfo(BaseBackupInfo.FORMAT, "l", "0/2000028", "0/2000100", "2026-12-02T10:15:00+08:00", "17")
                .write(base);
        for (String file : List.of("pg/PG_VERSION", "pg/backup_label", "pg/postgresql.auto.conf", "database-password",
                "audit-key")) {
            Files.createDirectories(base.resolve(file).getParent());
            Files.writeString(base.resolve(file), file + "\n");
        }
        Path archive = Files.createDirectories(temp.resolve("archive"));
        List<String> seen = new ArrayList<>();
        DatabaseServers failing = new DatabaseServers() {
            @Override
            public Optional<Account> external() {
                return Optional.empty();
            }

            @Override
            public Running startEmbedded(Path directory, boolean archiveWal) {
                try {
                    seen.add(Files.readString(directory.resolve("postgresql.auto.conf")));
                    seen.add(Files.readString(directory.resolve("backup_label")) + Files.exists(
                            directory.resolve("recovery.signal")) + Files.readString(directory.resolveSibling(
                            "database-password")));
                } catch (java.io.IOException e) {
                    throw new AssertionError(e);
                }
                throw new StartupException("could not start", new java.io.IOException("Gave up waiting"));
            }
        };
        Path data = temp.resolve("data");
        RestoreCommand command = new RestoreCommand(failing, data);
        new CommandLine(command).parseArgs("--base", base.toString(), "--wal-archive", archive.toString(), "--until",
                "2026-12-02T10:20:00+08:00");
        IllegalStateException e = assertThrows(IllegalStateException.class, command::call);
        assertEquals("recovery from " + base + " and " + archive + " did not get to a running server; the archive "
                + "may miss a segment or end before --until (Gave up waiting)", e.getMessage());
        assertEquals(List.of("pg/postgresql.auto.conf\n" + RecoverySettings.lines(archive,
                OffsetDateTime.parse("2026-12-02T10:20:00+08:00")), "pg/backup_label\ntruedatabase-password\n"), seen);
        assertFalse(Files.exists(data), "a failed recovery leaves no directory behind");
    }

    @Test
    void aBaseBackupLeavesOutTheRunningServersFilesAndTheWal() {
        for (String copied : List.of("PG_VERSION", "base/5/1259", "global/pg_control", "pg_wal", "pg_xact/0000",
                "postgresql.auto.conf", "pg_stat_tmp")) {
            assertTrue(BaseBackupFiles.copied(Path.of(copied)), copied);
        }
        for (String left : List.of("postmaster.pid", "postmaster.opts", "epg-lock", "pg_wal/000000010000000000000001",
                "pg_wal/archive_status/000000010000000000000001.done", "pg_stat_tmp/global.stat",
                "base/pgsql_tmp/pgsql_tmp123.0", "global/pg_internal.init", "pg_replslot/slot")) {
            assertFalse(BaseBackupFiles.copied(Path.of(left)), left);
        }
    }

    @Test
    void theRecoverySettingsAreQuotedForTheConfigurationFileAndTheShell() {
        String lines = RecoverySettings.lines(Path.of("/var/lib/air warn/100%wal"),
                OffsetDateTime.parse("2026-12-02T10:15:00+08:00"));
        assertEquals("""
                # AirWarn restore --base: point-in-time recovery
                restore_command = 'cp ''/var/lib/air warn/100%%wal/%f'' ''%p'''
                recovery_target_time = '2026-12-02 10:15:00.000000+08:00'
                recovery_target_action = 'promote'
                """, lines);
        assertThrows(BackupRefused.class, () -> RecoverySettings.restoreCommand(Path.of("/tmp/it's")));
    }

    private RestoreCommand restore(Path data, String... args) {
        RestoreCommand command = new RestoreCommand(servers(null, List.of()), data);
        new CommandLine(command).parseArgs(args);
        return command;
    }

    private static void refused(java.util.concurrent.Callable<Integer> command, String expected) {
        BackupRefused e = assertThrows(BackupRefused.class, command::call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    /**
     * Embedded servers as the platform starts them, archiving into {@code archive} when asked; each server's state
     * ({@code pg_is_in_recovery()}, count and maximum of table t) is added to {@code seen} as the command stops it.
     */
    private static DatabaseServers servers(Path archive, List<String> seen) {
        return new DatabaseServers() {
            @Override
            public Optional<Account> external() {
                return Optional.empty();
            }

            @Override
            public Running startEmbedded(Path directory, boolean archiveWal) {
                EmbeddedDatabase db = EmbeddedDatabase.start(directory, false, 0, archiveWal ? archive : null);
                Account account = new Account(db.jdbcUrl(), EmbeddedDatabase.USER, db.password());
                return new Running() {
                    @Override
                    public Account account() {
                        return account;
                    }

                    @Override
                    public void close() {
                        try {
                            seen.add(query(db, "SELECT pg_is_in_recovery() || '|' || count(*) || '|' || max(n) "
                                    + "FROM t"));
                        } catch (SQLException e) {
                            seen.add(e.getMessage());
                        } finally {
                            db.close();
                        }
                    }
                };
            }
        };
    }

    private static void execute(EmbeddedDatabase db, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.USER, db.password());
             Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private static String query(EmbeddedDatabase db, String query) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.USER, db.password());
             Statement s = c.createStatement(); ResultSet r = s.executeQuery(query)) {
            r.next();
            return r.getString(1);
        }
    }
}
