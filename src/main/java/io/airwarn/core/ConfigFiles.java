package io.airwarn.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.BiFunction;

/**
 * Finds a deployment-editable configuration file: first in the configuration directory
 * ({@code AIRWARN_CONFIG_DIR}, default {@code ./config}), then the copy bundled in the application, so a jar moved
 * elsewhere still starts with the shipped defaults.
 */
public final class ConfigFiles {

    private static final String BUNDLED_PREFIX = "airwarn-config/";

    private final Path directory;

    public ConfigFiles(Path directory) {
        this.directory = directory;
    }

    /** A readable description of where {@code name} is read from, for error messages. */
    private String describe(String name) {
        Path file = directory.resolve(name);
        return Files.isRegularFile(file) ? file.toAbsolutePath().toString() : "bundled " + BUNDLED_PREFIX + name;
    }

    /**
     * Reads and checks a configuration file with {@code reader}, which gets the stream and the file's description
     * and throws IllegalArgumentException naming any problem.
     *
     * @throws ConfigurationException when the file is missing or invalid
     */
    public <T> T read(String name, BiFunction<InputStream, String, T> reader) {
        String where = describe(name);
        try (InputStream in = open(name)) {
            return reader.apply(in, where);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            throw new ConfigurationException(e.getMessage(), e);
        } catch (IOException e) {
            throw new ConfigurationException(where + ": " + e.getMessage(), e);
        }
    }

    /** The SHA-256 of a configuration file as it is read, to record which version is in use. */
    public String checksum(String name) {
        try (InputStream in = open(name)) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(in.readAllBytes()));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new ConfigurationException(name + ": " + e.getMessage(), e);
        }
    }

    private InputStream open(String name) {
        Path file = directory.resolve(name);
        try {
            if (Files.isRegularFile(file)) {
                return Files.newInputStream(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read configuration file " + file.toAbsolutePath(), e);
        }
        InputStream bundled = ConfigFiles.class.getClassLoader().getResourceAsStream(BUNDLED_PREFIX + name);
        if (bundled == null) {
            throw new IllegalStateException("configuration file " + name + " is neither in "
                    + directory.toAbsolutePath() + " nor bundled with the application");
        }
        return bundled;
    }
}
