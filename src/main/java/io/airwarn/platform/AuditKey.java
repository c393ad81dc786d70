package io.airwarn.platform;

import io.airwarn.core.InstallationSecrets;
import io.airwarn.core.StartupException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The key of the audit chain's HMAC: {@code AIRWARN_AUDIT_KEY}, else made once per installation and kept in the data
 * directory (0600). It stays outside the database, so writing the database is not enough to rewrite the chain.
 */
final class AuditKey {

    static final String VARIABLE = "AIRWARN_AUDIT_KEY";

    private AuditKey() {
    }

    static void configure(Path dataDir) {
        Path file = dataDir.resolve("audit-key");
        boolean newKey = System.getenv(VARIABLE) == null && !Files.exists(file);
        String key = InstallationSecrets.fromEnvironmentOr(VARIABLE, file, InstallationSecrets.randomHex(32));
        if (newKey || "true".equals(System.getenv("AIRWARN_AUDIT_SEAL_UNKEYED"))) {
            System.setProperty("airwarn.audit.seal-unkeyed", "true");
        }
        if (key.length() < 16) {
            throw new StartupException(VARIABLE + " must have at least 16 characters.");
        }
        System.setProperty("airwarn.audit.key", key);
    }
}
