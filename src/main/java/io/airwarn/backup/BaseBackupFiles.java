package io.airwarn.backup;

import java.nio.file.Path;
import java.util.Set;

/**
 * Which files of a running server's data directory a base backup copies: all but the running server's own (its pid
 * and options files, the embedded server's lock), the WAL (it comes from the archive) and what PostgreSQL rebuilds
 * at startup anyway, as pg_basebackup leaves them out. Pure.
 */
final class BaseBackupFiles {

    /** Files at the top of the data directory that are the running server's, not the cluster's. */
    private static final Set<String> LEFT_OUT = Set.of("postmaster.pid", "postmaster.opts", "epg-lock",
            "backup_label", "backup_label.old", "tablespace_map", "tablespace_map.old", "recovery.signal",
            "standby.signal", "current_logfiles");
    /** Directories kept empty: WAL, and state PostgreSQL resets at startup. */
    private static final Set<String> EMPTIED = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify",
            "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans");

    private BaseBackupFiles() {
    }

    /** Whether the file or directory at {@code relative} (to the data directory) is copied. */
    static boolean copied(Path relative) {
        if (relative.getNameCount() == 0 || relative.toString().isEmpty()) {
            return true;
        }
        String name = relative.getFileName().toString();
        if (relative.getNameCount() == 1 && LEFT_OUT.contains(name)) {
            return false;
        }
        if (relative.getNameCount() > 1 && EMPTIED.contains(relative.getName(0).toString())) {
            return false;
        }
        return !name.startsWith("pgsql_tmp") && !name.equals("pg_internal.init");
    }
}
