package io.airwarn.backup;

/**
 * A backup or restore refused before it wrote anything: the wrong directory, not an AirWarn backup, a damaged one, a
 * schema this build does not know. The commands report it as one line and exit code 2, as for any bad input.
 */
public class BackupRefused extends IllegalArgumentException {

    public BackupRefused(String message) {
        super(message);
    }

    public BackupRefused(String message, Throwable cause) {
        super(message, cause);
    }
}
