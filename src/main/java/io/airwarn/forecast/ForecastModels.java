package io.airwarn.forecast;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.airwarn.core.Yaml;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Reads and writes model files. A file is checked whole before it is accepted. */
public final class ForecastModels {

    private static final ObjectMapper WRITER = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .disable(YAMLGenerator.Feature.SPLIT_LINES));

    private ForecastModels() {
    }

    /** @throws IllegalArgumentException naming the file and what is wrong with it */
    public static ForecastModel read(Path file) {
        try {
            return parse(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** @throws IllegalArgumentException naming {@code name} and what is wrong with the content */
    public static ForecastModel parse(byte[] content, String name) {
        ForecastModelFile model = Yaml.read(new ByteArrayInputStream(content), ForecastModelFile.class, name);
        try {
            return ForecastModel.of(model, version(content));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    private static String version(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes through a temporary file, so a reader never sees half a model. */
    public static void write(ForecastModelFile model, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".model", ".tmp");
        try {
            Files.writeString(temp, "# AirWarn forecast model. Written by the fit command; see forecast-models/README.md.\n"
                    + WRITER.writeValueAsString(model));
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
