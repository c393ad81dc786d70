package io.airwarn.backup;

import io.airwarn.core.BeijingTime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.function.Predicate;

/**
 * A physical base backup of the running embedded server, for point-in-time recovery with the archived WAL: a
 * non-exclusive low-level backup ({@code pg_backup_start} and {@code pg_backup_stop} in one session) with the data
 * directory copied in between, and the {@code backup_label} (and {@code tablespace_map}, if any) the server returns
 * written into the copy. The files change while they are copied; replaying the WAL from the backup's start makes them
 * consistent, which is why the server must be archiving.
 */
final class BaseBackup {

    private BaseBackup() {
    }

    /** Copies the data directory {@code pg} into {@code target/pg}; returns what describes the backup. */
    static BaseBackupInfo take(Connection c, Path pg, Path target, String label) throws SQLException, IOException {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT current_setting('archive_mode'), "
                    + "current_setting('archive_command')")) {
                r.next();
                if ("off".equals(r.getString(1)) || r.getString(2).isBlank()) {
                    throw new BackupRefused("the server does not archive its WAL (start the service with "
                            + "AIRWARN_WAL_ARCHIVE_DIR): a base backup without the archived WAL cannot be recovered");
                }
            }
            String startLsn;
            try (PreparedStatement start = c.prepareStatement("SELECT pg_backup_start(?, true)")) {
                start.setString(1, label);
                try (ResultSet r = start.executeQuery()) {
                    r.next();
                    startLsn = r.getString(1);
                }
            }
            Path copy = target.resolve("pg");
            try {
                copy(pg, copy, BaseBackupFiles::copied);
            } catch (IOException | RuntimeException e) {
                try {
                    s.executeQuery("SELECT pg_backup_stop(false)").close();
                } catch (SQLException ignored) {
                    // the backup ends with the session anyway
                }
                throw e;
            }
            // Waits until the WAL segment holding the backup's end is archived: the backup is usable when this returns.
            try (ResultSet r = s.executeQuery("SELECT lsn, labelfile, spcmapfile, now(), "
                    + "current_setting('server_version') FROM pg_backup_stop(true)")) {
                r.next();
                Files.writeString(copy.resolve("backup_label"), r.getString(2), StandardCharsets.UTF_8);
                String spcmap = r.getString(3);
                if (spcmap != null && !spcmap.isEmpty()) {
                    Files.writeString(copy.resolve("tablespace_map"), spcmap, StandardCharsets.UTF_8);
                }
                return new BaseBackupInfo(BaseBackupInfo.FORMAT, label, startLsn, r.getString(1),
                        BeijingTime.withOffset(r.getObject(4, OffsetDateTime.class)), r.getString(5));
            }
        }
    }

    /**
     * Copies a data directory (the server's files keep their owner-only permissions), the files and directories
     * {@code copied} accepts (by their path relative to {@code from}); a file the server removes while it is copied is
     * simply not there.
     */
    static void copy(Path from, Path to, Predicate<Path> copied) throws IOException {
        Files.createDirectories(to.getParent());
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path relative = from.relativize(dir);
                if (!copied.test(relative)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Path target = to.resolve(relative.toString());
                Files.createDirectories(target);
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path relative = from.relativize(file);
                if (copied.test(relative) && attrs.isRegularFile()) {
                    try {
                        Files.copy(file, to.resolve(relative.toString()), StandardCopyOption.COPY_ATTRIBUTES);
                    } catch (NoSuchFileException removedMeanwhile) {
                        // a temporary file the server dropped: the WAL replay does not need it
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        Files.createDirectories(to.resolve("pg_wal/archive_status"));
    }
}
