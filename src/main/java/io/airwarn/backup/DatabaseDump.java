package io.airwarn.backup;

import io.airwarn.core.BeijingTime;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A consistent logical dump of AirWarn's database over one JDBC connection: a serializable, read-only, deferrable
 * transaction (a snapshot that needs no lock and cannot see half of a concurrent change, while the service runs), and
 * in it every table of schema {@code public} but Flyway's history, Quartz's included, its non-generated columns copied
 * out with COPY; then the sequences' values.
 */
final class DatabaseDump {

    /** Tables of schema public with their stored (non-generated) columns in column order; not Flyway's history. */
    static final String COLUMNS = """
            SELECT c.relname, a.attname FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = c.oid
            WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> '%s'
              AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
            ORDER BY c.relname, a.attnum""".formatted(SchemaMigrations.HISTORY_TABLE);
    static final String SEQUENCES = """
            SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind = 'S' ORDER BY c.relname""";

    private DatabaseDump() {
    }

    /**
     * Writes the tables and the given secrets into {@code out}; returns the manifest to commit.
     *
     * @param source what was backed up, for the manifest ("embedded" or "external")
     */
    static BackupManifest dump(Connection c, String source, Map<String, byte[]> secrets, BackupFile.Writer out)
            throws SQLException, IOException {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("BEGIN ISOLATION LEVEL SERIALIZABLE, READ ONLY, DEFERRABLE");
            try {
                BackupManifest manifest = dumpInSnapshot(c, s, source, secrets, out);
                s.execute("COMMIT");
                return manifest;
            } catch (SQLException | IOException | RuntimeException e) {
                rollbackQuietly(s);
                throw e;
            }
        }
    }

    private static BackupManifest dumpInSnapshot(Connection c, Statement s, String source, Map<String, byte[]> secrets,
                                                 BackupFile.Writer out) throws SQLException, IOException {
        String schemaVersion = SchemaMigrations.versionOf(c).orElseThrow(() -> new BackupRefused(
                "the database holds no AirWarn schema (it has no " + SchemaMigrations.HISTORY_TABLE + ")"));
        OffsetDateTime snapshotAt;
        String postgresVersion;
        try (ResultSet r = s.executeQuery("SELECT now(), current_setting('server_version')")) {
            r.next();
            snapshotAt = r.getObject(1, OffsetDateTime.class);
            postgresVersion = r.getString(2);
        }
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        List<BackupManifest.Table> tables = new ArrayList<>();
        for (Map.Entry<String, List<String>> t : columns(c).entrySet()) {
            String sql = "COPY " + SqlNames.qualified(t.getKey()) + " (" + SqlNames.columnList(t.getValue())
                    + ") TO STDOUT";
            tables.add(out.writeTable(t.getKey(), t.getValue(), stream -> copy.copyOut(sql, stream)));
        }
        List<BackupManifest.Sequence> sequences = new ArrayList<>();
        for (String sequence : sequences(c)) {
            try (ResultSet r = s.executeQuery("SELECT last_value, is_called FROM " + SqlNames.qualified(sequence))) {
                r.next();
                sequences.add(new BackupManifest.Sequence(sequence, r.getLong(1), r.getBoolean(2)));
            }
        }
        List<BackupManifest.Secret> carried = new ArrayList<>();
        for (Map.Entry<String, byte[]> secret : secrets.entrySet()) {
            carried.add(out.writeSecret(secret.getKey(), secret.getValue()));
        }
        return new BackupManifest(BackupManifest.FORMAT, BackupManifest.FORMAT_VERSION, schemaVersion,
                BeijingTime.withOffset(snapshotAt), source, postgresVersion, tables, sequences, carried);
    }

    /** The tables to back up (or to restore into) with their stored columns, by name. */
    static Map<String, List<String>> columns(Connection c) throws SQLException {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(COLUMNS)) {
            while (r.next()) {
                tables.computeIfAbsent(r.getString(1), t -> new ArrayList<>()).add(r.getString(2));
            }
        }
        return tables;
    }

    static List<String> sequences(Connection c) throws SQLException {
        List<String> sequences = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(SEQUENCES)) {
            while (r.next()) {
                sequences.add(r.getString(1));
            }
        }
        return sequences;
    }

    private static void rollbackQuietly(Statement s) {
        try {
            s.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // the connection is closed next
        }
    }
}
