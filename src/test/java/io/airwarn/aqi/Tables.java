package io.airwarn.aqi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The breakpoint tables exactly as shipped in config/aqi-standards.yaml. */
final class Tables {

    static final Map<String, BreakpointTable> SHIPPED = read();
    static final BreakpointTable HJ633_2012 = SHIPPED.get("HJ633-2012");
    static final BreakpointTable HJ633_2026 = SHIPPED.get("HJ633-2026");

    private Tables() {
    }

    private static Map<String, BreakpointTable> read() {
        Path file = Path.of("config/aqi-standards.yaml");
        try (InputStream in = Files.newInputStream(file)) {
            return AqiStandardsReader.read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
