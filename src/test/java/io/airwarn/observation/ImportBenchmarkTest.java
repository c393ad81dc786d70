package io.airwarn.observation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Import benchmark on the full UCI Beijing multi-site set (../shared/data, or AIRWARN_BENCH_DATA). Not part of the
 * default test run: {@code mvn verify -Pbench}. It prints the figures; it asserts only that the data went in.
 * Each request parses the file, upserts the station-hours and recomputes the city's hourly and daily AQI over the
 * affected days, in one transaction.
 */
@QuarkusTest
@Tag("benchmark")
class ImportBenchmarkTest {

    private static final Path DATA = Path.of(System.getenv().getOrDefault("AIRWARN_BENCH_DATA",
            "../shared/data/beijing-multisite-uci"));

    private static long importFile(Path file, String city) throws IOException {
        byte[] body = Files.readAllBytes(file);
        String station = file.getFileName().toString().split("_")[2];
        long start = System.nanoTime();
        asDuty().contentType("text/csv").body(body).queryParam("city", city).queryParam("station", station)
                .when().post("/api/observations/csv").then().statusCode(200).body("rowsRead", equalTo(35064));
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void importTheMultiSiteSet() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(DATA), "no benchmark data at " + DATA.toAbsolutePath());
        List<Path> files;
        try (Stream<Path> list = Files.list(DATA)) {
            files = list.filter(p -> p.getFileName().toString().startsWith("PRSA_Data_")).sorted().toList();
        }
        Assumptions.assumeTrue(files.size() == 12, "expected the 12 station files");

        // Warm-up on a city the measurements do not use, so JIT compilation is not billed to the first file.
        importFile(files.get(0), "220800");

        List<Long> single = new ArrayList<>();
        String[] cities = {"220200", "220300", "220400"};
        for (int i = 0; i < cities.length; i++) {
            single.add(importFile(files.get(i + 1), cities[i]));
        }
        long fullStart = System.nanoTime();
        List<Long> perFile = new ArrayList<>();
        for (Path file : files) {
            perFile.add(importFile(file, "220100"));
        }
        long fullMs = (System.nanoTime() - fullStart) / 1_000_000;

        String report = String.format("""
                AirWarn import benchmark (%d cores, %s)
                  one station file (35,064 rows) into an empty city, 3 runs: %s ms
                  full 12-station set (420,768 rows) into one city, file by file: %d ms in total; per file %s ms
                """, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), single, fullMs,
                perFile);
        System.out.println(report);
        Files.writeString(Path.of("target/import-benchmark.txt"), report);
        given().queryParam("from", "2013-03-01").queryParam("to", "2013-03-31")
                .when().get("/api/cities/220100/aqi/daily").then().statusCode(200).body("size()", equalTo(31));
    }

    /** A duty officer: importing observations, running forecasts and reading plans need one. */
    private static io.restassured.specification.RequestSpecification asDuty() {
        return given().auth().preemptive().basic("duty", "duty-demo");
    }
}
