package io.airwarn.forecast;

import io.airwarn.aqi.AqiStandardsReader;
import io.airwarn.aqi.BreakpointTable;
import io.airwarn.core.ConfigFiles;
import java.nio.file.Path;

/** The HJ 633-2012 table from the configuration, for the command line, which runs without the server. */
final class Hj633 {

    private Hj633() {
    }

    static BreakpointTable table() {
        String dir = System.getenv().getOrDefault("AIRWARN_CONFIG_DIR", "config");
        var tables = new ConfigFiles(Path.of(dir)).read("aqi-standards.yaml", AqiStandardsReader::read);
        BreakpointTable table = tables.get("HJ633-2012");
        if (table == null) {
            throw new IllegalArgumentException("aqi-standards.yaml has no HJ633-2012 table");
        }
        return table;
    }
}
