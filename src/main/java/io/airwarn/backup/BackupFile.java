package io.airwarn.backup;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The backup file: a zip with {@code manifest.json}, one entry per table ({@code tables/NAME.copy}, PostgreSQL's COPY
 * text format) and one per carried secret ({@code secrets/NAME}). Written to a temporary file readable by the owner
 * only (0600), flushed to disk and moved into place atomically, so a backup file is either complete or absent.
 * Opened, it is checked whole before anything is restored from it: the manifest, and every entry against its SHA-256
 * and row count.
 */
public final class BackupFile implements AutoCloseable {

    static final String MANIFEST = "manifest.json";
    private static final int MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

    private final Path path;
    private final ZipFile zip;
    private final BackupManifest manifest;

    private BackupFile(Path path, ZipFile zip, BackupManifest manifest) {
        this.path = path;
        this.zip = zip;
        this.manifest = manifest;
    }

    static String tableEntry(String table) {
        return "tables/" + table + ".copy";
    }

    static String secretEntry(String name) {
        return "secrets/" + name;
    }

    /** A table's data as COPY writes it; returns the row count the database reported. */
    @FunctionalInterface
    interface TableData {
        long copyTo(OutputStream out) throws IOException, SQLException;
    }

    /** Starts a backup file that appears at {@code target} only when {@link Writer#commit} completes. */
    static Writer create(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            throw new BackupRefused("the directory of " + target + " does not exist");
        }
        if (Files.isDirectory(absolute)) {
            throw new BackupRefused(target + " is a directory; name the backup file to write");
        }
        Path temp = Files.createTempFile(directory, "." + absolute.getFileName() + ".", ".partial",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        return new Writer(absolute, temp);
    }

    /** Writes the entries, then the manifest; {@link #close()} without {@link #commit} leaves nothing behind. */
    static final class Writer implements AutoCloseable {

        private final Path target;
        private final Path temp;
        private final ZipOutputStream zip;
        private boolean committed;

        private Writer(Path target, Path temp) throws IOException {
            this.target = target;
            this.temp = temp;
            this.zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16));
        }

        BackupManifest.Table writeTable(String name, List<String> columns, TableData data)
                throws IOException, SQLException {
            zip.putNextEntry(new ZipEntry(tableEntry(name)));
            HashingStream out = new HashingStream(zip);
            long reported = data.copyTo(out);
            zip.closeEntry();
            if (reported != out.lines) {
                throw new IOException("table " + name + ": the database reported " + reported + " rows but wrote "
                        + out.lines + " lines");
            }
            return new BackupManifest.Table(name, columns, out.lines, out.sha256());
        }

        BackupManifest.Secret writeSecret(String name, byte[] content) throws IOException {
            zip.putNextEntry(new ZipEntry(secretEntry(name)));
            HashingStream out = new HashingStream(zip);
            out.write(content);
            zip.closeEntry();
            return new BackupManifest.Secret(name, out.sha256());
        }

        /** Writes the manifest, flushes the file to disk and moves it into place atomically. */
        void commit(BackupManifest manifest) throws IOException {
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(manifest.toJson());
            zip.closeEntry();
            zip.close();
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot move the backup into place atomically: " + e.getMessage(), e);
            }
            committed = true;
            try (FileChannel directory = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
                directory.force(true);
            } catch (IOException notSupportedOnThisFileSystem) {
                // the rename is done; flushing the directory entry is best effort
            }
        }

        @Override
        public void close() throws IOException {
            if (!committed) {
                try {
                    zip.close();
                } catch (IOException ignored) {
                    // the partial file is removed below
                }
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * Opens and checks a backup file whole: a zip with a manifest of the AirWarn format this build reads, and every
     * table and secret it lists present with its SHA-256 (and, for tables, its row count).
     *
     * @throws BackupRefused saying whether the file is missing, not an AirWarn backup, of a newer format, or damaged
     */
    public static BackupFile open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BackupRefused(file + " is not a file");
        }
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (IOException e) {
            throw new BackupRefused(file + " is not an AirWarn backup (not a zip file)");
        }
        try {
            BackupFile backup = new BackupFile(file, zip, manifest(file, zip));
            backup.verify();
            return backup;
        } catch (RuntimeException e) {
            closeQuietly(zip);
            throw e;
        }
    }

    private static BackupManifest manifest(Path file, ZipFile zip) {
        ZipEntry entry = zip.getEntry(MANIFEST);
        if (entry == null) {
            throw new BackupRefused(file + " is not an AirWarn backup (it has no " + MANIFEST + ")");
        }
        byte[] json;
        try (InputStream in = zip.getInputStream(entry)) {
            json = in.readNBytes(MAX_MANIFEST_BYTES + 1);
        } catch (IOException e) {
            throw new BackupRefused(file + " is damaged: its manifest cannot be read (" + e.getMessage() + ")", e);
        }
        if (json.length > MAX_MANIFEST_BYTES) {
            throw new BackupRefused(file + " is not an AirWarn backup (its manifest is over 16 MB)");
        }
        BackupManifest manifest;
        try {
            manifest = BackupManifest.parse(json);
        } catch (IllegalArgumentException e) {
            throw new BackupRefused(file + " is not an AirWarn backup (" + e.getMessage() + ")");
        }
        try {
            manifest.check();
        } catch (IllegalArgumentException e) {
            throw new BackupRefused(file + " cannot be restored: " + e.getMessage());
        }
        return manifest;
    }

    private void verify() {
        Set<String> expected = new HashSet<>(Set.of(MANIFEST));
        for (BackupManifest.Table t : manifest.tables()) {
            Digest d = digest(tableEntry(t.name()));
            if (!d.sha256.equals(t.sha256())) {
                throw damaged("the data of table " + t.name() + " do not match their SHA-256");
            }
            if (d.lines != t.rows()) {
                throw damaged("table " + t.name() + " has " + d.lines + " rows, its manifest says " + t.rows());
            }
            expected.add(tableEntry(t.name()));
        }
        for (BackupManifest.Secret s : manifest.secrets()) {
            if (!digest(secretEntry(s.name())).sha256.equals(s.sha256())) {
                throw damaged("the secret " + s.name() + " does not match its SHA-256");
            }
            expected.add(secretEntry(s.name()));
        }
        zip.stream().filter(e -> !expected.contains(e.getName())).findFirst().ifPresent(e -> {
            throw damaged("it holds an entry its manifest does not list (" + e.getName() + ")");
        });
    }

    private record Digest(String sha256, long lines) {
    }

    private Digest digest(String name) {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw damaged(name + " is missing");
        }
        HashingStream sink = new HashingStream(OutputStream.nullOutputStream());
        try (InputStream in = zip.getInputStream(entry)) {
            in.transferTo(sink);
        } catch (IOException e) {
            throw new BackupRefused(path + " is damaged: " + name + " cannot be read (" + e.getMessage() + ")", e);
        }
        return new Digest(sink.sha256(), sink.lines);
    }

    private BackupRefused damaged(String why) {
        return new BackupRefused(path + " is damaged: " + why);
    }

    public BackupManifest manifest() {
        return manifest;
    }

    /** A table's data, COPY text format. */
    InputStream table(String name) throws IOException {
        ZipEntry entry = zip.getEntry(tableEntry(name));
        if (entry == null) {
            throw new ZipException(tableEntry(name) + " is missing");
        }
        return zip.getInputStream(entry);
    }

    byte[] secret(String name) throws IOException {
        try (InputStream in = zip.getInputStream(zip.getEntry(secretEntry(name)))) {
            return in.readAllBytes();
        }
    }

    @Override
    public void close() {
        closeQuietly(zip);
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException ignored) {
            // read only
        }
    }

    /** Passes bytes on (never closing the stream below), hashing them and counting lines (COPY rows). */
    private static final class HashingStream extends FilterOutputStream {

        private final MessageDigest sha256;
        long lines;

        HashingStream(OutputStream out) {
            super(out);
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            sha256.update((byte) b);
            if (b == '\n') {
                lines++;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            sha256.update(b, off, len);
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    lines++;
                }
            }
        }

        @Override
        public void close() throws IOException {
            flush();
        }

        String sha256() {
            return HexFormat.of().formatHex(sha256.digest());
        }
    }
}
