package io.airwarn.backup;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The settings a point-in-time recovery adds to {@code postgresql.auto.conf}: where archived WAL segments come from,
 * the time to stop at, and to promote the server (end recovery and accept writes) when it gets there. Pure.
 */
final class RecoverySettings {

    /** PostgreSQL's own way of writing a time, to the microsecond, with the offset (never "Z"). */
    private static final DateTimeFormatter POSTGRES_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSxxx");

    /** What {@link #lines} sets, and the restore resets once recovery is done. */
    static final List<String> NAMES = List.of("restore_command", "recovery_target_time", "recovery_target_action");

    private RecoverySettings() {
    }

    /**
     * A point in time as the operator writes it: ISO-8601 with its offset, e.g. {@code 2026-12-02T10:15:00+08:00}.
     *
     * @throws BackupRefused for anything else: a time without its offset would be guessed
     */
    static OffsetDateTime parseUntil(String text) {
        try {
            return OffsetDateTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new BackupRefused("--until must be an ISO-8601 time with its offset, e.g. "
                    + "2026-12-02T10:15:00+08:00, not \"" + text + "\"");
        }
    }

    /**
     * The shell command that fetches a WAL segment ({@code %f}) from the archive to where PostgreSQL wants it
     * ({@code %p}).
     */
    static String restoreCommand(Path archive) {
        String dir = archive.toAbsolutePath().normalize().toString();
        if (dir.contains("'") || dir.chars().anyMatch(Character::isISOControl)) {
            throw new BackupRefused("the WAL archive path " + dir + " may not contain quotes or control characters");
        }
        return "cp '" + dir.replace("%", "%%") + "/%f' '%p'";
    }

    /** The lines for {@code postgresql.auto.conf}; {@code until} null recovers everything the archive holds. */
    static String lines(Path archive, OffsetDateTime until) {
        StringBuilder conf = new StringBuilder("# AirWarn restore --base: point-in-time recovery\n");
        conf.append("restore_command = ").append(quoted(restoreCommand(archive))).append('\n');
        if (until != null) {
            conf.append("recovery_target_time = ")
                    .append(quoted(until.format(POSTGRES_TIME))).append('\n');
            conf.append("recovery_target_action = 'promote'\n");
        }
        return conf.toString();
    }

    /** A string value in PostgreSQL's configuration files: in single quotes, a quote doubled. */
    static String quoted(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
