package io.airwarn.compliance.hj212;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Runs {@link Hj212IngestBenchmark} with its defaults; only with -Pbench. It prints figures, it asserts none. */
@Tag("benchmark")
class Hj212IngestBenchmarkTest {

    @Test
    void twoThousandDevicesOnLoopback() throws Exception {
        Hj212IngestBenchmark.main(new String[0]);
    }
}
