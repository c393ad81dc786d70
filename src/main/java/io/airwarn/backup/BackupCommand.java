package io.airwarn.backup;

import io.airwarn.core.DataDirectory;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code backup --out FILE}: a consistent logical backup of AirWarn's database (the embedded one of
 * {@code AIRWARN_DATA_DIR}, running or not, or the external one) with the installation secrets a restored installation
 * needs. {@code backup --base DIR}: a physical base backup of the embedded server for point-in-time recovery with the
 * WAL it archives ({@code AIRWARN_WAL_ARCHIVE_DIR}).
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Write a consistent backup of AirWarn's database to FILE, also while the service runs: the "
                + "embedded database of AIRWARN_DATA_DIR (default ./data; started for the backup when the service is "
                + "not running) or the external one of QUARKUS_DATASOURCE_JDBC_URL, USERNAME and PASSWORD.",
                "The file also holds the data directory's audit key and sandbox account: it is as secret as the data "
                        + "directory. It is written owner-readable only (0600) and appears complete or not at all. "
                        + "Restore it with: restore FILE",
                "With --base DIR instead: a base backup of the embedded server (which must archive its WAL: "
                        + "AIRWARN_WAL_ARCHIVE_DIR) into a new directory, with the installation secrets and the "
                        + "database password: as secret as the data directory too. Restore it to a point in time "
                        + "with: restore --base DIR --wal-archive ARCHIVE [--until TIME]"})
public class BackupCommand implements Callable<Integer> {

    private final DatabaseServers servers;
    private final Path dataDir;

    @Option(names = "--out", paramLabel = "FILE",
            description = "The backup file to write (replaced atomically if it exists).")
    Path out;

    @Option(names = "--base", paramLabel = "DIR",
            description = "Write a base backup for point-in-time recovery into DIR (new or empty) instead.")
    Path base;

    public BackupCommand(DatabaseServers servers) {
        this(servers, DataDirectory.path());
    }

    BackupCommand(DatabaseServers servers, Path dataDir) {
        this.servers = servers;
        this.dataDir = dataDir;
    }

    @Override
    public Integer call() throws Exception {
        if ((out == null) == (base == null)) {
            throw new BackupRefused("give either --out FILE (a backup file) or --base DIR (a base backup for "
                    + "point-in-time recovery)");
        }
        return out != null ? backupFile() : baseBackup();
    }

    private int backupFile() throws Exception {
        Map<String, byte[]> secrets = InstallationSecretFiles.read(dataDir);
        BackupManifest manifest;
        String from;
        try (BackupFile.Writer writer = BackupFile.create(out);
             LocalDatabase database = LocalDatabase.find(servers, dataDir)) {
            from = database.description();
            try (Connection c = database.connect()) {
                manifest = DatabaseDump.dump(c, database.source(), secrets, writer);
            }
            writer.commit(manifest);
        }
        if (!secrets.containsKey("audit-key")) {
            System.err.println("note: " + dataDir.toAbsolutePath().resolve("audit-key") + " does not exist (the key "
                    + "comes from AIRWARN_AUDIT_KEY): the restored installation needs the same AIRWARN_AUDIT_KEY for "
                    + "its audit chain to verify");
        }
        System.out.printf("backup of %s written to %s: %d tables, %d rows, schema version %s, snapshot of %s, "
                        + "secrets %s. Keep it as secret as the data directory.%n", from, out.toAbsolutePath(),
                manifest.tables().size(), manifest.totalRows(), manifest.schemaVersion(), manifest.createdAt(),
                manifest.secrets().stream().map(BackupManifest.Secret::name).toList());
        return 0;
    }

    private int baseBackup() throws Exception {
        NewDirectory target = NewDirectory.check(base, "the base backup directory",
                "a base backup goes into a new or empty directory");
        if (servers.external().isPresent()) {
            throw new BackupRefused("--base backs up the embedded server; back up an external database with its own "
                    + "tools, or write a backup file with --out");
        }
        BaseBackupInfo info;
        String from;
        try (LocalDatabase database = LocalDatabase.find(servers, dataDir)) {
            from = database.description();
            target.create();
            try (Connection c = database.connect()) {
                info = BaseBackup.take(c, dataDir.resolve("pg"), base, "airwarn backup --base");
            }
            List<String> names = new ArrayList<>(InstallationSecretFiles.CARRIED);
            names.add(InstallationSecretFiles.DATABASE_PASSWORD);
            for (Map.Entry<String, byte[]> secret : InstallationSecretFiles.read(dataDir, names).entrySet()) {
                InstallationSecretFiles.write(base, secret.getKey(), secret.getValue());
            }
            info.write(base);
        } catch (Exception | Error e) {
            target.discard();
            throw e;
        }
        System.out.printf("base backup of %s written to %s (WAL %s to %s, finished %s). Keep it as secret as the "
                + "data directory; it recovers with the WAL archived from then on.%n", from, base.toAbsolutePath(),
                info.startLsn(), info.stopLsn(), info.finishedAt());
        return 0;
    }
}
