package io.airwarn.backup;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The installation secrets of a data directory that a restored installation needs to keep working: the audit key (or
 * the restored audit chain no longer verifies) and the sandbox gateway's account. Not {@code database-password}: a
 * restored database gets a password of its own (a base backup, the same cluster with the same password, carries it).
 */
final class InstallationSecretFiles {

    static final List<String> CARRIED = List.of("audit-key", "sandbox-account-sid", "sandbox-auth-token");
    /** A base backup is the same cluster, with the same superuser password: it carries this one too. */
    static final String DATABASE_PASSWORD = "database-password";

    private InstallationSecretFiles() {
    }

    /** The carried secrets present in {@code dataDir}, by name (a secret set by the environment has no file). */
    static Map<String, byte[]> read(Path dataDir) throws IOException {
        return read(dataDir, CARRIED);
    }

    static Map<String, byte[]> read(Path dataDir, List<String> names) throws IOException {
        Map<String, byte[]> found = new LinkedHashMap<>();
        for (String name : names) {
            Path file = dataDir.resolve(name);
            if (Files.isRegularFile(file)) {
                found.put(name, Files.readAllBytes(file));
            }
        }
        return found;
    }

    /** Writes a secret owner-readable only (0600) and flushes it to disk; refuses to replace a file. */
    static void write(Path dataDir, String name, byte[] content) throws IOException {
        Path file = dataDir.resolve(name);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(content));
            channel.force(true);
        }
    }
}
