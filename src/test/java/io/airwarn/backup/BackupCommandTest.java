package io.airwarn.backup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backup file and the restore's refusals, without a database: a restore refuses a non-empty directory, a file
 * that is not an AirWarn backup, a damaged one and one of a newer schema, each before writing anything (the servers
 * handed to it fail the test if asked for a database); a restore that fails later removes what it wrote. Refusals are
 * {@link BackupRefused}, which the command line reports as one line with exit code 2 (BackupRestoreIT runs the
 * packaged jar).
 */
class BackupCommandTest {

    private static final String AUDIT_KEY = "0123456789abcdef0123456789abcdef\n";

    @TempDir
    Path temp;

    /** Servers no refused command may ask for. */
    private static final DatabaseServers NONE = new DatabaseServers() {
        @Override
        public Optional<Account> external() {
            return Optional.empty();
        }

        @Override
        public Running startEmbedded(Path directory, boolean archiveWal) {
            throw new AssertionError("a refused command started a database in " + directory);
        }
    };

    @Test
    void theManifestSurvivesItsJsonAndRefusesWhatCannotBeRight() {
        BackupManifest m = manifest("23", List.of(new BackupManifest.Table("plan_order", List.of("id", "unit"), 2,
                "ab".repeat(32))));
        BackupManifest read = BackupManifest.parse(m.toJson());
        assertEquals(m, read);
        read.check();
        assertEquals("2026-12-02T10:15:00+08:00", read.createdAt());
        assertEquals(2, read.totalRows());

        String json = new String(m.toJson(), StandardCharsets.UTF_8);
        IllegalArgumentException newer = assertThrows(IllegalArgumentException.class, () -> BackupManifest.parse(
                json.replace("\"formatVersion\" : 1", "\"formatVersion\" : 2").getBytes(StandardCharsets.UTF_8))
                .check());
        assertTrue(newer.getMessage().contains("newer AirWarn"), newer.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BackupManifest.parse(json.replace("airwarn-backup",
                "something-else").getBytes(StandardCharsets.UTF_8)));
        assertThrows(IllegalArgumentException.class, () -> BackupManifest.parse(json.replace("\"plan_order\"",
                "\"../../etc/passwd\"").getBytes(StandardCharsets.UTF_8)).check());
        assertThrows(IllegalArgumentException.class, () -> BackupManifest.parse(json.replace("\"audit-key\"",
                "\"database-password\"").getBytes(StandardCharsets.UTF_8)).check(), "only the carried secrets");
        assertThrows(IllegalArgumentException.class, () -> BackupManifest.parse(json.replace("\"rows\" : 2",
                "\"rows\" : 2, \"rows\" : 3").getBytes(StandardCharsets.UTF_8)), "a key once");
    }

    @Test
    void aBackupFileIsWrittenOwnerReadableAndReadsBackWhole() throws Exception {
        Path file = writeBackup("23", rows(3));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (Stream<Path> files = Files.list(temp)) {
            assertEquals(List.of(file), files.toList(), "no partial file left beside it");
        }
        try (BackupFile backup = BackupFile.open(file)) {
            assertEquals("23", backup.manifest().schemaVersion());
            assertEquals(3, backup.manifest().tables().get(0).rows());
            try (InputStream in = backup.table("station")) {
                assertArrayEquals(rows(3), in.readAllBytes());
            }
            assertEquals(AUDIT_KEY, new String(backup.secret("audit-key"), StandardCharsets.UTF_8));
        }
    }

    @Test
    void anUnfinishedBackupLeavesNothingBehind() throws Exception {
        Path file = temp.resolve("never.zip");
        try (BackupFile.Writer writer = BackupFile.create(file)) {
            writer.writeTable("station", List.of("id"), out -> {
                out.write(rows(5));
                return 5;
            });
        }
        try (Stream<Path> files = Files.list(temp)) {
            assertEquals(List.of(), files.toList());
        }
        IOException lie = assertThrows(IOException.class, () -> {
            try (BackupFile.Writer writer = BackupFile.create(file)) {
                writer.writeTable("station", List.of("id"), out -> {
                    out.write(rows(5));
                    return 4;
                });
            }
        });
        assertTrue(lie.getMessage().contains("reported 4 rows but wrote 5"), lie.getMessage());
        assertFalse(Files.exists(file));
    }

    @Test
    void restoreRefusesANonEmptyDirectoryAndLeavesItUnchanged() throws Exception {
        Path file = writeBackup("23", rows(3));
        Path data = Files.createDirectories(temp.resolve("data"));
        Files.writeString(data.resolve("audit-key"), "the installation's own key\n");
        Map<String, String> before = contents(data);
        BackupRefused refused = assertThrows(BackupRefused.class, () -> restore(NONE, data, file));
        assertTrue(refused.getMessage().contains("is not empty"), refused.getMessage());
        assertEquals(before, contents(data));

        Path notADirectory = Files.writeString(temp.resolve("plain-file"), "x");
        assertThrows(BackupRefused.class, () -> restore(NONE, notADirectory, file));
        assertEquals("x", Files.readString(notADirectory));
    }

    @Test
    void restoreRefusesAFileThatIsNotAnAirWarnBackup() throws Exception {
        Path data = temp.resolve("data");
        assertRefused(Path.of("README.md"), data, "is not an AirWarn backup (not a zip file)");

        Path noManifest = temp.resolve("no-manifest.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(noManifest))) {
            zip.putNextEntry(new ZipEntry("tables/station.copy"));
            zip.write(rows(2));
        }
        assertRefused(noManifest, data, "is not an AirWarn backup (it has no manifest.json)");

        Path foreign = rewrite(writeBackup("23", rows(2)), "manifest.json",
                json -> new String(json, StandardCharsets.UTF_8).replace("airwarn-backup", "pg_dump")
                        .getBytes(StandardCharsets.UTF_8));
        assertRefused(foreign, data, "is not an AirWarn backup (its manifest does not name the format");
        assertRefused(temp.resolve("missing.zip"), data, "is not a file");
    }

    @Test
    void restoreRefusesADamagedFile() throws Exception {
        Path data = temp.resolve("data");
        // A byte changed on disk in the middle of the file: inside the one large table's compressed data.
        Path flipped = writeBackup("23", randomRows(4_000));
        long middle = Files.size(flipped) / 2;
        byte[] all = Files.readAllBytes(flipped);
        try (var channel = Files.newByteChannel(flipped, StandardOpenOption.WRITE)) {
            channel.position(middle);
            channel.write(java.nio.ByteBuffer.wrap(new byte[] {(byte) (all[(int) middle] ^ 0x5a)}));
        }
        assertRefused(flipped, data, "is damaged");

        // A well-formed zip whose table data are not the data the manifest describes (same number of rows).
        Path changed = rewrite(writeBackup("23", rows(3)), "tables/station.copy",
                copy -> new String(copy, StandardCharsets.UTF_8).replace("row 2", "row 9").getBytes(StandardCharsets.UTF_8));
        assertRefused(changed, data, "is damaged: the data of table station do not match their SHA-256");

        Path secret = rewrite(writeBackup("23", rows(3)), "secrets/audit-key",
                key -> "another key entirely!!!\n".getBytes(StandardCharsets.UTF_8));
        assertRefused(secret, data, "is damaged: the secret audit-key does not match its SHA-256");

        Path missing = rewrite(writeBackup("23", rows(3)), "tables/station.copy", null);
        assertRefused(missing, data, "is damaged: tables/station.copy is missing");
    }

    @Test
    void restoreRefusesASchemaNewerThanThisBuild() throws Exception {
        MigrationVersion latest = SchemaMigrations.latest();
        String newer = latest.getMajor().add(java.math.BigInteger.ONE).toString();
        assertRefused(writeBackup(newer, rows(1)), temp.resolve("data"), "holds schema version " + newer
                + ", newer than this build's migrations (up to " + latest + ")");
    }

    @Test
    void theMigrationsOfThisBuildAreFoundAndTheNewestKnown() throws Exception {
        List<String> shipped;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            shipped = files.map(f -> f.getFileName().toString()).sorted().toList();
        }
        assertEquals(shipped, SchemaMigrations.files());
        int newest = shipped.stream().mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max()
                .orElseThrow();
        assertEquals(MigrationVersion.fromVersion(Integer.toString(newest)), SchemaMigrations.latest());
        assertEquals(Optional.of(MigrationVersion.fromVersion("1.2")), SchemaMigrations.versionOf("V1_2__x.sql"));
        assertEquals(Optional.empty(), SchemaMigrations.versionOf("R__repeatable.sql"));
    }

    /**
     * Past the checks, a restore writes the secrets (0600) before it starts the database; when it fails from there on,
     * it removes what it wrote: the directory it created, or the contents of the empty one it was given.
     */
    @Test
    void aRestoreThatFailsRemovesWhatItWrote() throws Exception {
        Path file = writeBackup("23", rows(3));
        List<String> seen = new ArrayList<>();
        DatabaseServers failing = new DatabaseServers() {
            @Override
            public Optional<Account> external() {
                return Optional.empty();
            }

            @Override
            public Running startEmbedded(Path directory, boolean archiveWal) {
                Path key = directory.resolveSibling("audit-key");
                try {
                    seen.add(Files.readString(key) + PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
                assertFalse(archiveWal, "a restored cluster's WAL does not go to the service's archive");
                throw new IllegalStateException("the disk caught fire");
            }
        };
        Path fresh = temp.resolve("fresh");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> restore(failing, fresh, file));
        assertEquals("the disk caught fire", e.getMessage());
        assertEquals(List.of(AUDIT_KEY + "rw-------"), seen);
        assertFalse(Files.exists(fresh), "the directory the restore created is gone");

        Path empty = Files.createDirectories(temp.resolve("empty"));
        assertThrows(IllegalStateException.class, () -> restore(failing, empty, file));
        assertEquals(Map.of(), contents(empty), "the empty directory it was given is empty again");
    }

    @Test
    void backupRefusesADataDirectoryWithoutADatabaseAndWritesNothing() throws Exception {
        Path out = temp.resolve("out.zip");
        BackupRefused refused = assertThrows(BackupRefused.class,
                () -> {
                    BackupCommand backup = new BackupCommand(NONE, temp.resolve("no-data"));
                    backup.out = out;
                    backup.call();
                });
        assertTrue(refused.getMessage().contains("there is no AirWarn database in"), refused.getMessage());
        try (Stream<Path> files = Files.list(temp)) {
            assertEquals(List.of(), files.toList(), "no backup file and no partial one");
        }
        BackupRefused noDirectory = assertThrows(BackupRefused.class,
                () -> BackupFile.create(temp.resolve("missing/out.zip")));
        assertTrue(noDirectory.getMessage().contains("does not exist"), noDirectory.getMessage());
    }

    @Test
    void theRunningServersPortIsLineFourOfPostmasterPid() {
        assertEquals(Optional.of(54321), LocalDatabase.port(List.of("4242", "/data/pg", "1733130000", "54321",
                "", "127.0.0.1", "  5432001  32768", "ready")));
        assertEquals(Optional.empty(), LocalDatabase.port(List.of("4242", "/data/pg")));
        assertEquals(Optional.empty(), LocalDatabase.port(List.of("4242", "/data/pg", "1", "not a port")));
    }

    private void assertRefused(Path file, Path data, String expected) {
        BackupRefused refused = assertThrows(BackupRefused.class, () -> restore(NONE, data, file));
        assertTrue(refused.getMessage().contains(expected), refused.getMessage());
        assertFalse(refused.getMessage().contains("\n"), "one line");
        assertFalse(Files.exists(data), "nothing written for " + file);
    }

    private Path writeBackup(String schemaVersion, byte[] stationRows) throws Exception {
        Path file = Files.createTempFile(temp, "backup", ".zip");
        Files.delete(file);
        try (BackupFile.Writer writer = BackupFile.create(file)) {
            long lines = new String(stationRows, StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count();
            BackupManifest.Table station = writer.writeTable("station", List.of("id", "name"), out -> {
                out.write(stationRows);
                return lines;
            });
            BackupManifest.Secret key = writer.writeSecret("audit-key", AUDIT_KEY.getBytes(StandardCharsets.UTF_8));
            BackupManifest m = manifest(schemaVersion, List.of(station));
            writer.commit(new BackupManifest(m.format(), m.formatVersion(), m.schemaVersion(), m.createdAt(),
                    m.source(), m.postgresVersion(), m.tables(), m.sequences(), List.of(key)));
        }
        return file;
    }

    private static BackupManifest manifest(String schemaVersion, List<BackupManifest.Table> tables) {
        return new BackupManifest(BackupManifest.FORMAT, BackupManifest.FORMAT_VERSION, schemaVersion,
                "2026-12-02T10:15:00+08:00", "embedded", "17.5", tables,
                List.of(new BackupManifest.Sequence("station_id_seq", 3, true)),
                List.of(new BackupManifest.Secret("audit-key", "cd".repeat(32))));
    }

    private static byte[] rows(int n) {
        StringBuilder copy = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            copy.append(i).append("\trow ").append(i).append('\n');
        }
        return copy.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Rows that do not compress away, so the table is most of the file. */
    private static byte[] randomRows(int n) {
        Random random = new Random(17);
        StringBuilder copy = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            copy.append(i).append('\t').append(Long.toHexString(random.nextLong())).append('\n');
        }
        return copy.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A copy of the zip with one entry's content changed ({@code change} null: the entry left out). */
    private Path rewrite(Path file, String entry, java.util.function.UnaryOperator<byte[]> change) throws IOException {
        Path copy = Files.createTempFile(temp, "rewritten", ".zip");
        try (ZipFile zip = new ZipFile(file.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                byte[] content;
                try (InputStream in = zip.getInputStream(e)) {
                    content = in.readAllBytes();
                }
                if (e.getName().equals(entry)) {
                    if (change == null) {
                        continue;
                    }
                    content = change.apply(content);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(content);
                out.closeEntry();
            }
        }
        Files.delete(file);
        return copy;
    }

    private static Map<String, String> contents(Path directory) throws IOException {
        Map<String, String> contents = new TreeMap<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                contents.put(directory.relativize(f).toString(), Files.readString(f));
            }
        }
        return contents;
    }

    private static void restore(DatabaseServers servers, Path data, Path file) throws Exception {
        RestoreCommand restore = new RestoreCommand(servers, data);
        restore.file = file;
        restore.call();
    }
}
