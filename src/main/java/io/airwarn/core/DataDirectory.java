package io.airwarn.core;

import java.nio.file.Path;

/** The installation's data directory ({@code AIRWARN_DATA_DIR}, default {@code data}): database, secrets. */
public final class DataDirectory {

    private DataDirectory() {
    }

    public static Path path() {
        return Path.of(System.getenv().getOrDefault("AIRWARN_DATA_DIR", "data"));
    }
}
