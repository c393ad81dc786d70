package io.airwarn.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A directory a restore (or a base backup) writes: it must not exist yet or be empty, so nothing is ever mixed with or
 * written over an installation. If the command fails after writing, what it wrote is removed again, so a retry finds
 * the directory as it was.
 */
final class NewDirectory {

    private final Path directory;
    private final boolean existed;
    private boolean written;

    private NewDirectory(Path directory, boolean existed) {
        this.directory = directory;
        this.existed = existed;
    }

    /** Checks, writing nothing, that the data directory {@code directory} can receive a restore. */
    static NewDirectory forRestore(Path directory) {
        return check(directory, "the data directory", "a restore goes into a new or empty directory "
                + "(AIRWARN_DATA_DIR) and never overwrites one");
    }

    /**
     * Checks, writing nothing, that {@code directory} does not exist or is empty.
     *
     * @param what how the refusal names the directory
     * @param rule why it must be new, for the refusal
     * @throws BackupRefused when it is not a directory or not empty
     */
    static NewDirectory check(Path directory, String what, String rule) {
        if (!Files.exists(directory)) {
            return new NewDirectory(directory, false);
        }
        if (!Files.isDirectory(directory)) {
            throw new BackupRefused(what + " " + directory.toAbsolutePath() + " is not a directory");
        }
        try (Stream<Path> entries = Files.list(directory)) {
            if (entries.findAny().isPresent()) {
                throw new BackupRefused(what + " " + directory.toAbsolutePath() + " is not empty; " + rule);
            }
        } catch (IOException e) {
            throw new BackupRefused(what + " " + directory.toAbsolutePath() + " cannot be read: " + e.getMessage(), e);
        }
        return new NewDirectory(directory, true);
    }

    Path directory() {
        return directory;
    }

    /** Creates the directory (owner-only, like the secrets it will hold) unless it exists. */
    void create() throws IOException {
        written = true;
        if (!existed) {
            Files.createDirectories(directory.toAbsolutePath().getParent());
            Files.createDirectory(directory,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
    }

    /** Removes what the restore wrote: the directory it created, or the contents of the empty one it was given. */
    void discard() {
        if (!written || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).filter(p -> existed ? !p.equals(directory) : true)
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("warning: " + directory.toAbsolutePath() + " could not be emptied (" + e.getMessage()
                    + "); remove it before trying again");
        }
    }
}
