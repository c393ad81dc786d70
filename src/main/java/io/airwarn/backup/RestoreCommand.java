package io.airwarn.backup;

import io.airwarn.core.DataDirectory;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.concurrent.Callable;
import org.flywaydb.core.api.MigrationVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code restore FILE}: a new installation in an empty {@code AIRWARN_DATA_DIR} from a backup file: its secrets, a
 * new embedded database migrated to the backup's schema version, and the backup's data loaded in one transaction. The
 * service then starts on that directory as usual (and migrates further if it is newer). {@code restore --base DIR
 * --wal-archive ARCHIVE [--until TIME]}: the same from a base backup and the archived WAL, to a point in time.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Restore a backup FILE (written by the backup command) into AIRWARN_DATA_DIR (default ./data), "
                + "which must not exist or be empty: the installation secrets, a new embedded database with a password "
                + "of its own, and the data. A file that is not an AirWarn backup, is damaged, or has a schema newer "
                + "than this build's is refused (exit code 2) and nothing is written; a restore that fails leaves the "
                + "directory as it found it.",
                "With --base DIR --wal-archive ARCHIVE [--until TIME] instead: point-in-time recovery from a base "
                        + "backup (backup --base) and the WAL archived since (AIRWARN_WAL_ARCHIVE_DIR), up to TIME "
                        + "(ISO-8601 with offset, e.g. 2026-12-02T10:15:00+08:00) or to the end of the archive.",
                "Start the service on the directory afterwards."})
public class RestoreCommand implements Callable<Integer> {

    private final DatabaseServers servers;
    private final Path dataDir;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The backup file.")
    Path file;

    @Option(names = "--base", paramLabel = "DIR", description = "A base backup (backup --base) to recover from.")
    Path base;

    @Option(names = "--wal-archive", paramLabel = "ARCHIVE",
            description = "With --base: the directory of archived WAL segments (AIRWARN_WAL_ARCHIVE_DIR).")
    Path walArchive;

    @Option(names = "--until", paramLabel = "TIME",
            description = "With --base: recover up to this time (ISO-8601 with offset); default: all archived WAL.")
    String until;

    public RestoreCommand(DatabaseServers servers) {
        this(servers, DataDirectory.path());
    }

    RestoreCommand(DatabaseServers servers, Path dataDir) {
        this.servers = servers;
        this.dataDir = dataDir;
    }

    @Override
    public Integer call() throws Exception {
        if (servers.external().isPresent()) {
            throw new BackupRefused("restore writes the embedded database of AIRWARN_DATA_DIR, and "
                    + "QUARKUS_DATASOURCE_JDBC_URL names an external one; unset the QUARKUS_DATASOURCE_* variables to "
                    + "restore");
        }
        if ((file == null) == (base == null)) {
            throw new BackupRefused("give either a backup FILE or --base DIR --wal-archive ARCHIVE");
        }
        if (base == null && (walArchive != null || until != null)) {
            throw new BackupRefused("--wal-archive and --until go with --base");
        }
        if (base != null && walArchive == null) {
            throw new BackupRefused("--base needs --wal-archive ARCHIVE, the directory of the archived WAL");
        }
        NewDirectory target = NewDirectory.forRestore(dataDir);
        if (base != null) {
            PointInTimeRestore.Result r = PointInTimeRestore.restore(servers, target, base, walArchive,
                    until == null ? null : RecoverySettings.parseUntil(until));
            System.out.printf("restored base backup %s into %s, WAL replayed from %s up to %s; the server is now on "
                            + "timeline %d. Use a new WAL archive directory for it and take a new base backup.%n",
                    base, target.directory().toAbsolutePath(), walArchive, r.replayedTo(), r.timeline());
            return 0;
        }
        long rows;
        BackupManifest manifest;
        try (BackupFile backup = BackupFile.open(file)) {
            manifest = backup.manifest();
            MigrationVersion latest = SchemaMigrations.latest();
            if (MigrationVersion.fromVersion(manifest.schemaVersion()).compareTo(latest) > 0) {
                throw new BackupRefused(file + " holds schema version " + manifest.schemaVersion() + ", newer than "
                        + "this build's migrations (up to " + latest + "); restore it with the AirWarn that wrote it "
                        + "or a newer one");
            }
            rows = restore(backup, target);
        }
        System.out.printf("restored %s into %s: %d tables, %d rows, schema version %s, snapshot of %s%n", file,
                target.directory().toAbsolutePath(), manifest.tables().size(), rows, manifest.schemaVersion(),
                manifest.createdAt());
        return 0;
    }

    private long restore(BackupFile backup, NewDirectory target) throws Exception {
        target.create();
        try {
            for (BackupManifest.Secret secret : backup.manifest().secrets()) {
                InstallationSecretFiles.write(dataDir, secret.name(), backup.secret(secret.name()));
            }
            try (DatabaseServers.Running server = servers.startEmbedded(dataDir.resolve("pg"), false)) {
                SchemaMigrations.migrate(server.account(), backup.manifest().schemaVersion());
                try (Connection c = LocalDatabase.connect(server.account())) {
                    return DatabaseLoad.load(c, backup);
                }
            }
        } catch (Exception | Error e) {
            target.discard();
            throw e;
        }
    }
}
