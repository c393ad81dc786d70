package io.airwarn.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;

/** Strict YAML reading of configuration files: unknown keys are errors, so a misspelt setting is not ignored. */
public final class Yaml {

    private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .findAndRegisterModules();

    /**
     * Configuration and plan files are a few kB. Larger ones are refused before parsing: the YAML scanner takes time
     * that grows with the square of a long value's length.
     */
    public static final int MAX_BYTES = 1 << 20;

    private Yaml() {
    }

    /** @throws IllegalArgumentException naming the file and the problem */
    public static <T> T read(InputStream in, Class<T> type, String fileName) {
        T value;
        try {
            byte[] content = in.readNBytes(MAX_BYTES + 1);
            if (content.length > MAX_BYTES) {
                throw new IllegalArgumentException(fileName + ": the file exceeds the limit of 1 MB for a "
                        + "configuration file");
            }
            value = MAPPER.readValue(content, type);
        } catch (JsonProcessingException e) {
            String line = e.getLocation() == null ? "" : " line " + e.getLocation().getLineNr();
            throw new IllegalArgumentException(fileName + line + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(fileName + ": " + e.getMessage(), e);
        }
        if (value == null) {
            throw new IllegalArgumentException(fileName + ": the file is empty");
        }
        return value;
    }
}
