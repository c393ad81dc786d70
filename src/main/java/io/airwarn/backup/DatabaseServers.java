package io.airwarn.backup;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What the backup commands need of the platform, which owns the embedded server and the datasource settings: the
 * external database when one is configured, and a way to start the embedded server of a data directory. The platform
 * hands an implementation to the commands ({@code platform.Commands}).
 */
public interface DatabaseServers {

    /** How to connect: a JDBC URL, a user and a password (null when none is set). */
    record Account(String jdbcUrl, String user, String password) {
        @Override
        public String toString() {
            return "Account[" + jdbcUrl + ", " + user + ", password hidden]";
        }
    }

    /** A server started for the duration of a command. */
    interface Running extends AutoCloseable {
        Account account();

        /** Stops the server. */
        @Override
        void close();
    }

    /**
     * The external database of {@code QUARKUS_DATASOURCE_JDBC_URL}, {@code _USERNAME} and {@code _PASSWORD}, or empty
     * when none is configured.
     */
    Optional<Account> external();

    /**
     * Starts the embedded server whose files live in {@code directory}, flushing commits to disk.
     *
     * @param archiveWal whether WAL segments go to {@code AIRWARN_WAL_ARCHIVE_DIR} as the service's would (when it is
     *                   set); a restore's new cluster is never archived
     */
    Running startEmbedded(Path directory, boolean archiveWal);
}
