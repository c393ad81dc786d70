package io.airwarn.backup;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a backup file holds ({@code manifest.json}): the format and its version, the database's schema (Flyway)
 * version, when the snapshot was taken (Beijing time, with its offset), per table its columns, row count and the
 * SHA-256 of its data, the sequences' values, and the installation secrets carried along with their SHA-256. Pure:
 * JSON in and out, and the checks a manifest must pass before anything is restored from it.
 */
public record BackupManifest(String format, int formatVersion, String schemaVersion, String createdAt,
                             String source, String postgresVersion, List<Table> tables, List<Sequence> sequences,
                             List<Secret> secrets) {

    public static final String FORMAT = "airwarn-backup";
    /** The version this build writes and the newest it reads. */
    public static final int FORMAT_VERSION = 1;

    /** Names of tables, columns and sequences: what AirWarn's schema uses, nothing a file path could abuse. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,62}");
    private static final Pattern SCHEMA_VERSION = Pattern.compile("\\d{1,9}(\\.\\d{1,9}){0,5}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** A table's data: the non-generated columns in the order of the data, its rows, the data's SHA-256. */
    public record Table(String name, List<String> columns, long rows, String sha256) {
    }

    /** A sequence's state, as {@code setval(name, lastValue, called)} restores it. */
    public record Sequence(String name, long lastValue, boolean called) {
    }

    /** An installation secret carried in the file (its content is an entry of its own). */
    public record Secret(String name, String sha256) {
    }

    public BackupManifest {
        tables = List.copyOf(tables);
        sequences = List.copyOf(sequences);
        secrets = List.copyOf(secrets);
    }

    public long totalRows() {
        return tables.stream().mapToLong(Table::rows).sum();
    }

    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the manifest cannot be written as JSON", e);
        }
    }

    /**
     * Reads a manifest; {@link #check()} then tells whether this build can restore it.
     *
     * @throws IllegalArgumentException when it is not JSON of this shape or does not name the AirWarn format
     */
    public static BackupManifest parse(byte[] json) {
        BackupManifest m;
        try {
            m = JSON.readValue(json, BackupManifest.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("its manifest is not readable: " + firstLine(e.getMessage()));
        }
        if (m == null || !FORMAT.equals(m.format())) {
            throw new IllegalArgumentException("its manifest does not name the format \"" + FORMAT + "\"");
        }
        return m;
    }

    /**
     * The checks a manifest written by this build passes and a tampered one may not.
     *
     * @throws IllegalArgumentException naming a newer format, or a name, count or checksum that cannot be right
     */
    public void check() {
        if (formatVersion > FORMAT_VERSION) {
            throw new IllegalArgumentException("it was written in format version " + formatVersion
                    + " by a newer AirWarn; this build reads up to version " + FORMAT_VERSION);
        }
        if (formatVersion < 1) {
            throw new IllegalArgumentException("its format version " + formatVersion + " does not exist");
        }
        if (schemaVersion == null || !SCHEMA_VERSION.matcher(schemaVersion).matches()) {
            throw new IllegalArgumentException("its schema version \"" + schemaVersion + "\" is not a version");
        }
        if (tables == null || tables.isEmpty()) {
            throw new IllegalArgumentException("it lists no tables");
        }
        Set<String> seen = new HashSet<>();
        for (Table t : tables) {
            requireName("table", t.name());
            if (!seen.add(t.name())) {
                throw new IllegalArgumentException("it lists table " + t.name() + " twice");
            }
            if (t.columns() == null || t.columns().isEmpty() || t.columns().size() != Set.copyOf(t.columns()).size()) {
                throw new IllegalArgumentException("table " + t.name() + " has no columns or a column twice");
            }
            t.columns().forEach(c -> requireName("column of " + t.name(), c));
            if (t.rows() < 0) {
                throw new IllegalArgumentException("table " + t.name() + " has a negative row count");
            }
            requireSha256("table " + t.name(), t.sha256());
        }
        for (Sequence s : sequences) {
            requireName("sequence", s.name());
        }
        Set<String> secretNames = new HashSet<>();
        for (Secret s : secrets) {
            if (!InstallationSecretFiles.CARRIED.contains(s.name()) || !secretNames.add(s.name())) {
                throw new IllegalArgumentException("it carries an unknown or repeated secret \"" + s.name() + "\"");
            }
            requireSha256("secret " + s.name(), s.sha256());
        }
    }

    private static void requireName(String what, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("its " + what + " name \"" + name + "\" is not a plain identifier");
        }
    }

    private static void requireSha256(String what, String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException(what + " has no SHA-256");
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
