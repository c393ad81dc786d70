package io.airwarn.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Secrets made once per installation and kept in the data directory, readable by the owner only (0600): the embedded
 * database's password, the sandbox gateway's account, the audit chain's key. Nodes that share a database share them
 * through the environment instead (README, "Several nodes").
 */
public final class InstallationSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private InstallationSecrets() {
    }

    /** {@code bytes} random bytes as lower-case hex. */
    public static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** The secret kept in {@code file}; on first use {@code value} is written there, owner-readable only. */
    public static String readOrCreate(Path file, String value) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, value + "\n", StandardCharsets.UTF_8);
                return value;
            } catch (FileAlreadyExistsException exists) {
                String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (stored.isEmpty()) {
                    throw new StartupException("The secret file " + file.toAbsolutePath() + " is empty; remove it to "
                            + "make a new one.");
                }
                return stored;
            }
        } catch (IOException e) {
            throw new StartupException("The secret file " + file.toAbsolutePath() + " cannot be read or written: "
                    + e.getMessage() + ". Check AIRWARN_DATA_DIR.", e);
        }
    }

    /** An environment setting if given, else the installation's own secret in {@code file}. */
    public static String fromEnvironmentOr(String variable, Path file, String firstValue) {
        String set = System.getenv(variable);
        return set != null && !set.isBlank() ? set : readOrCreate(file, firstValue);
    }
}
