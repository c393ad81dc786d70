package io.airwarn.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.airwarn.forecast.ForecastModel;
import io.airwarn.forecast.ForecastModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fit and evaluate commands on a shipped excerpt of real data (US Embassy, 2013-2014), without a server. */
class CommandsTest {

    private static final String EXCERPT = "src/test/resources/prsa/PRSA_data_2013-2014_us_embassy.csv";

    @TempDir
    Path temp;

    @Test
    void evaluateWritesTheReportInTheAgreedShape() throws Exception {
        Path out = temp.resolve("report.json");
        assertEquals(0, Commands.run("evaluate", "--input", EXCERPT, "--format", "prsa", "--train-until",
                "2013-12-31", "--leads", "1,2", "--met", "none", "--out", out.toString()));
        JsonNode r = new ObjectMapper().readTree(out.toFile());
        assertEquals(EXCERPT, r.get("input").asText());
        assertEquals("2013-12-31", r.get("trainUntil").asText());
        assertEquals("none", r.get("met").asText());
        assertTrue(r.get("testDays").asInt() > 300, "2014 has over 300 valid days");
        assertEquals(2, r.get("leads").size());
        for (JsonNode lead : r.get("leads")) {
            for (String block : List.of("model", "persistence", "climatology")) {
                JsonNode b = lead.get(block);
                for (String field : List.of("n", "rmse", "mae", "r2", "bias", "levelAccuracy")) {
                    assertTrue(b.has(field), block + "." + field);
                }
                for (String threshold : List.of("above200", "above300")) {
                    for (String field : List.of("hits", "misses", "falseAlarms", "pod", "far", "csi", "brier",
                            "brierSkill")) {
                        assertTrue(b.get(threshold).has(field), block + "." + threshold + "." + field);
                    }
                }
            }
            assertEquals(lead.get("model").get("n").asInt(), lead.get("persistence").get("n").asInt(),
                    "the model and the references are scored on the same days");
        }
        JsonNode lead1 = r.get("leads").get(0);
        assertTrue(lead1.get("model").get("rmse").asDouble() < lead1.get("persistence").get("rmse").asDouble(),
                "even without meteorology the model beats persistence's RMSE on this data");
    }

    @Test
    void fitWritesAModelFileThatLoadsAndNamesItsData() throws Exception {
        Path model = temp.resolve("embassy.yaml");
        assertEquals(0, Commands.run("fit", "--input", EXCERPT, "--format", "prsa", "--train-until", "2014-06-30",
                "--id", "embassy", "--label", "test model", "--source", "UCI Beijing PM2.5 Data (excerpt)",
                "--out", model.toString()));
        ForecastModel loaded = ForecastModels.read(model);
        assertEquals("embassy", loaded.id());
        assertEquals("2014-06-30", loaded.file().trainingData().to());
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(Path.of(EXCERPT))));
        assertEquals(sha, loaded.file().trainingData().files().get(0).sha256());
        assertEquals("2014-07-01..2014-12-31", loaded.file().validation().period());
        assertEquals(List.of(7, 15, 24), loaded.issueHours());
        assertEquals(3 * 2 * ForecastModel.MAX_LEAD, loaded.file().validation().leads().size());
        for (int lead = 1; lead <= ForecastModel.MAX_LEAD; lead++) {
            for (int hour : loaded.issueHours()) {
                assertNotNull(loaded.lead(io.airwarn.forecast.ForecastPollutant.PM2_5, hour, lead,
                        io.airwarn.forecast.Predictors.MetMode.NONE));
            }
        }
        assertFalse(loaded.usesStationMeteorology(), "the single-station file counts hours of rain or snow, not mm");
    }

    @Test
    void plansValidateAcceptsTheShippedPlansAndRefusesABrokenOne() throws Exception {
        assertEquals(0, Commands.run("plans", "validate", "contingency-plans"));
        Path folder = Files.createDirectories(temp.resolve("plans/220300-siping"));
        for (String file : List.of("plan.yaml", "enterprises.csv", "schools.csv")) {
            Files.copy(Path.of("src/test/resources/plans/small", file), folder.resolve(file));
        }
        assertEquals(0, Commands.run("plans", "validate", temp.resolve("plans").toString()));
        Files.writeString(folder.resolve("schools.csv"), Files.readString(folder.resolve("schools.csv"))
                .replace("+8613700000002", "12345"));
        assertEquals(1, Commands.run("plans", "validate", temp.resolve("plans").toString()));
        assertEquals(2, Commands.run("plans", "validate", temp.resolve("nothing-here").toString()));
    }

    @Test
    void badArgumentsAndInputsExitWithAUsageError() {
        assertEquals(2, Commands.run("evaluate", "--input", EXCERPT, "--format", "prsa", "--train-until",
                "2015-01-01"));
        assertEquals(2, Commands.run("evaluate", "--input", EXCERPT, "--format", "prsa", "--pm25-columns", "nope",
                "--train-until", "2013-12-31"));
        assertEquals(2, Commands.run("evaluate", "--input", "README.md", "--format", "five-cities",
                "--train-until", "2013-12-31"));
        assertEquals(2, Commands.run("evaluate", "--input", EXCERPT, "--format", "prsa"));
        assertEquals(2, Commands.run("fit", "--input", "no/such/*.csv", "--format", "prsa", "--id", "x",
                "--label", "x", "--source", "x", "--out", "x.yaml"));
    }
}
