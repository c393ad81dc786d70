package io.airwarn.backup;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Loads a checked backup into a database migrated to the backup's schema version, in one transaction: with
 * {@code session_replication_role = replica} (foreign keys and triggers wait, so the tables load in any order), every
 * table copied in, the sequences set, and each table's row count checked against the manifest before the commit.
 * Either all of it is there or none.
 */
final class DatabaseLoad {

    private DatabaseLoad() {
    }

    /** Returns the number of rows loaded. */
    static long load(Connection c, BackupFile backup) throws SQLException, IOException {
        BackupManifest manifest = backup.manifest();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL session_replication_role = replica");
            requireSameTables(DatabaseDump.columns(c), manifest);
            s.execute("TRUNCATE " + manifest.tables().stream().map(t -> SqlNames.qualified(t.name()))
                    .collect(Collectors.joining(", ")));
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            long rows = 0;
            for (BackupManifest.Table t : manifest.tables()) {
                long copied;
                try (InputStream data = backup.table(t.name())) {
                    copied = copy.copyIn("COPY " + SqlNames.qualified(t.name()) + " ("
                            + SqlNames.columnList(t.columns()) + ") FROM STDIN", data);
                }
                if (copied != t.rows()) {
                    throw new IOException("table " + t.name() + ": " + copied + " rows loaded, the backup has "
                            + t.rows());
                }
                rows += copied;
            }
            try (PreparedStatement setval = c.prepareStatement("SELECT setval(?::regclass, ?, ?)")) {
                for (BackupManifest.Sequence q : manifest.sequences()) {
                    setval.setString(1, SqlNames.qualified(q.name()));
                    setval.setLong(2, q.lastValue());
                    setval.setBoolean(3, q.called());
                    setval.executeQuery().close();
                }
            }
            for (BackupManifest.Table t : manifest.tables()) {
                try (ResultSet r = s.executeQuery("SELECT count(*) FROM " + SqlNames.qualified(t.name()))) {
                    r.next();
                    if (r.getLong(1) != t.rows()) {
                        throw new IOException("table " + t.name() + " holds " + r.getLong(1) + " rows after the "
                                + "load, the backup has " + t.rows());
                    }
                }
            }
            c.commit();
            return rows;
        } catch (SQLException | IOException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // the database is removed with the directory
            }
            throw e;
        }
    }

    /** The migrated schema must have exactly the backup's tables, each with the backup's stored columns. */
    static void requireSameTables(Map<String, List<String>> schema, BackupManifest manifest) {
        Map<String, List<String>> backedUp = manifest.tables().stream()
                .collect(Collectors.toMap(BackupManifest.Table::name, BackupManifest.Table::columns));
        if (!schema.keySet().equals(backedUp.keySet())) {
            throw new IllegalStateException("schema version " + manifest.schemaVersion() + " of this build has "
                    + "tables " + schema.keySet() + ", the backup " + backedUp.keySet());
        }
        for (Map.Entry<String, List<String>> t : backedUp.entrySet()) {
            if (!Set.copyOf(schema.get(t.getKey())).equals(Set.copyOf(t.getValue()))) {
                throw new IllegalStateException("table " + t.getKey() + " has columns " + schema.get(t.getKey())
                        + " in schema version " + manifest.schemaVersion() + " of this build, the backup "
                        + t.getValue());
            }
        }
    }
}
