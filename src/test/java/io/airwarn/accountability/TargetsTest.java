package io.airwarn.accountability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped targets file, and the errors a broken one gets. */
class TargetsTest {

    private static final List<String> UNITS = List.of("220100", "220200", "220300", "220400", "220500", "220600",
            "220700", "220800", "222400", "220581", "220184", "CBS-MAC");

    private static Targets read(InputStream in) {
        return Targets.read(in, "targets.yaml", UNITS, UNITS::contains);
    }

    @Test
    void theShippedTargetsHaveNoInventedBaselines() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("config/targets.yaml"))) {
            Targets t = read(in);
            List<Target> pm10 = t.targets().stream().filter(x -> x.kind() == Target.Kind.REDUCTION).toList();
            assertEquals(10, pm10.size(), "the province and nine units");
            assertTrue(pm10.stream().allMatch(x -> x.baselineValue() == null), "no baseline is shipped");
            assertEquals(15.0, pm10.stream().filter(x -> x.unit().equals("222400")).findFirst().orElseThrow()
                    .reductionPercent());
            assertEquals(10 + 5 * 13, t.targets().size(), "'all' is the province and the 12 units");
        }
    }

    @Test
    void brokenEntriesAreNamed() {
        String unknownUnit = "targets:\n  - {unit: \"229999\", pollutant: PM10, kind: GRADE_II}\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read(
                new ByteArrayInputStream(unknownUnit.getBytes(StandardCharsets.UTF_8))));
        assertEquals("targets.yaml: targets[0].unit: '229999' is not one of the 12 units, 'province' or 'all'",
                e.getMessage());
        String noYears = "targets:\n  - {unit: province, pollutant: PM10, kind: REDUCTION}\n";
        assertTrue(assertThrows(IllegalArgumentException.class, () -> read(new ByteArrayInputStream(
                noYears.getBytes(StandardCharsets.UTF_8)))).getMessage().contains("baselineYear"));
        String badPollutant = "targets:\n  - {unit: province, pollutant: PM1, kind: GRADE_II}\n";
        assertTrue(assertThrows(IllegalArgumentException.class, () -> read(new ByteArrayInputStream(
                badPollutant.getBytes(StandardCharsets.UTF_8)))).getMessage().contains("targets[0].pollutant"));
    }
}
