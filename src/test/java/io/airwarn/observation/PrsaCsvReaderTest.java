package io.airwarn.observation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.airwarn.core.InvalidFileException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class PrsaCsvReaderTest {

    static byte[] resource(String name) throws IOException {
        try (InputStream in = PrsaCsvReaderTest.class.getResourceAsStream("/prsa/" + name)) {
            return in.readAllBytes();
        }
    }

    private static final String MULTISITE_HEADER = "\"No\",\"year\",\"month\",\"day\",\"hour\",\"PM2.5\",\"PM10\",\"SO2\","
            + "\"NO2\",\"CO\",\"O3\",\"TEMP\",\"PRES\",\"DEWP\",\"RAIN\",\"wd\",\"WSPM\",\"station\"\r\n";

    private static ParsedObservations read(String text) {
        return PrsaCsvReader.read(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheRealMultiSiteExcerpt() throws IOException {
        ParsedObservations parsed = PrsaCsvReader.read(resource("PRSA_Data_Dongsi_201303.csv"));
        assertEquals(PrsaFormat.PRSA_MULTISITE, parsed.format());
        assertEquals(744, parsed.rowsRead());
        assertEquals(744, parsed.rows().size());
        assertTrue(parsed.skipped().isEmpty());
        // Line 2: 1,2013,3,1,0,9,9,3,17,300,89,-0.5,1024.5,-21.4,0,"NNW",5.7,"Dongsi"
        HourlyObservation first = parsed.rows().get(0);
        assertEquals(LocalDateTime.of(2013, 3, 1, 0, 0), first.hour());
        assertEquals(9.0, first.pm2_5());
        assertEquals(9.0, first.pm10());
        assertEquals(3.0, first.so2());
        assertEquals(17.0, first.no2());
        assertEquals(0.3, first.co(), 1e-12, "CO 300 μg/m³ is stored as 0.3 mg/m³");
        assertEquals(89.0, first.o3());
        assertEquals(-0.5, first.temperature());
        assertEquals(1024.5, first.pressure());
        assertEquals(-21.4, first.dewPoint());
        assertEquals("NNW", first.windDirection());
        assertEquals(5.7, first.windSpeed());
        assertEquals(0.0, first.precipitation());
        // Line 4 has SO2 "NA": a missing value, not an error.
        assertNull(parsed.rows().get(2).so2());
    }

    @Test
    void readsTheRealSingleStationExcerpt() throws IOException {
        ParsedObservations parsed = PrsaCsvReader.read(resource("PRSA_data_201301_us_embassy.csv"));
        assertEquals(PrsaFormat.PRSA_SINGLE_STATION, parsed.format());
        assertEquals(744, parsed.rowsRead());
        assertEquals(744, parsed.rows().size());
        HourlyObservation first = parsed.rows().get(0);
        assertEquals(LocalDateTime.of(2013, 1, 1, 0, 0), first.hour());
        assertNull(first.pm10());
        assertEquals("NW", first.windDirection());
    }

    /** The whole published file, when ../shared/data is present: counts as stated in its PROVENANCE.txt. */
    @Test
    void readsTheFullAotizhongxinFileWithItsPublishedMissingCounts() throws IOException {
        Path file = Path.of("../shared/data/beijing-multisite-uci/PRSA_Data_Aotizhongxin_20130301-20170228.csv");
        Assumptions.assumeTrue(Files.isRegularFile(file), "../shared/data is not present");
        ParsedObservations parsed = PrsaCsvReader.read(Files.readAllBytes(file));
        assertEquals(35_064, parsed.rows().size());
        assertTrue(parsed.skipped().isEmpty());
        assertEquals(LocalDateTime.of(2013, 3, 1, 0, 0), parsed.rows().get(0).hour());
        assertEquals(LocalDateTime.of(2017, 2, 28, 23, 0), parsed.rows().get(35_063).hour());
        assertEquals(925, missing(parsed, HourlyObservation::pm2_5));
        assertEquals(718, missing(parsed, HourlyObservation::pm10));
        assertEquals(935, missing(parsed, HourlyObservation::so2));
        assertEquals(1023, missing(parsed, HourlyObservation::no2));
        assertEquals(1776, missing(parsed, HourlyObservation::co));
        assertEquals(1719, missing(parsed, HourlyObservation::o3));
        assertEquals(20, missing(parsed, HourlyObservation::temperature));
        assertEquals(81, missing(parsed, HourlyObservation::windDirection));
        assertEquals(14, missing(parsed, HourlyObservation::windSpeed));
    }

    @Test
    void readsTheFullSingleStationFileWithItsPublishedMissingCount() throws IOException {
        Path file = Path.of("../shared/data/beijing-pm25-uci/PRSA_data_2010.1.1-2014.12.31.csv");
        Assumptions.assumeTrue(Files.isRegularFile(file), "../shared/data is not present");
        ParsedObservations parsed = PrsaCsvReader.read(Files.readAllBytes(file));
        assertEquals(43_824, parsed.rows().size());
        assertEquals(2_067, missing(parsed, HourlyObservation::pm2_5));
    }

    private static long missing(ParsedObservations parsed, Function<HourlyObservation, Object> field) {
        return parsed.rows().stream().map(field).filter(Objects::isNull).count();
    }

    @Test
    void skipsImpossibleRowsAndReportsTheirLines() {
        ParsedObservations parsed = read(MULTISITE_HEADER
                + "1,2013,3,1,0,9,9,3,17,300,89,-0.5,1024.5,-21.4,0,\"NNW\",5.7,\"Dongsi\"\r\n"
                + "2,2013,3,1,1,-4,4,3,16,300,88,-0.7,1025.1,-22.1,0,\"NW\",3.9,\"Dongsi\"\r\n"
                + "3,2013,3,1,24,7,7,NA,17,300,60,-1.2,1025.3,-24.6,0,\"NNW\",5.3,\"Dongsi\"\r\n"
                + "4,2013,3,1,3,abc,,NA,,,,,,,,,,\"Dongsi\"\r\n"
                + "5,2013,2,30,3,5,,NA,,,,,,,,,,\"Dongsi\"\r\n"
                + "6,2013,3,1,4,,,NA,,,,,,,,,,\"Dongsi\"\r\n");
        assertEquals(5 + 1, parsed.rowsRead());
        assertEquals(2, parsed.rows().size(), "line 2 and line 7 (all missing is still a valid hour)");
        assertEquals(List.of(3, 4, 5, 6), parsed.skipped().stream().map(SkippedRow::line).toList());
        assertTrue(parsed.skipped().get(0).reason().contains("PM2.5"));
        assertTrue(parsed.skipped().get(1).reason().contains("hour 24"));
        assertTrue(parsed.skipped().get(2).reason().contains("'abc' is not a number"));
        assertTrue(parsed.skipped().get(3).reason().contains("2013-2-30"));
    }

    @Test
    void theLaterOfTwoRowsForTheSameHourWins() {
        ParsedObservations parsed = read(MULTISITE_HEADER
                + "1,2013,3,1,0,9,9,3,17,300,89,-0.5,1024.5,-21.4,0,\"NNW\",5.7,\"Dongsi\"\r\n"
                + "2,2013,3,1,0,50,9,3,17,300,89,-0.5,1024.5,-21.4,0,\"NNW\",5.7,\"Dongsi\"\r\n");
        assertEquals(1, parsed.rows().size());
        assertEquals(50.0, parsed.rows().get(0).pm2_5());
        assertEquals(2, parsed.skipped().get(0).line());
    }

    @Test
    void rejectsAnUnknownHeaderWhole() {
        InvalidFileException e = assertThrows(InvalidFileException.class,
                () -> read("No,year,month,day,hour,PM25\r\n1,2013,3,1,0,9\r\n"));
        assertTrue(e.getMessage().contains("Line 1"));
    }

    @Test
    void rejectsARowWithTheWrongNumberOfColumnsWhole() {
        InvalidFileException e = assertThrows(InvalidFileException.class, () -> read(MULTISITE_HEADER
                + "1,2013,3,1,0,9,9,3,17,300,89,-0.5,1024.5,-21.4,0,\"NNW\",5.7,\"Dongsi\"\r\n"
                + "2,2013,3,1,1,9,9\r\n"));
        assertTrue(e.getMessage().contains("Line 3 has 7 columns"), e.getMessage());
    }

    @Test
    void rejectsInvalidUtf8AndEmptyFiles() {
        assertThrows(InvalidFileException.class, () -> PrsaCsvReader.read(new byte[] {(byte) 0xC3, (byte) 0x28}));
        assertThrows(InvalidFileException.class, () -> PrsaCsvReader.read(new byte[0]));
    }
}
