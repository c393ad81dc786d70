package io.airwarn.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRowsTest {

    @Test
    void writtenRowsReadBackAsTheyWere() {
        List<List<String>> rows = List.of(List.of("确认码", "对象"), List.of("A1F", "样例企业, \"一厂\"\n二车间"),
                List.of("A20", ""));
        String csv = CsvRows.write(rows);
        assertEquals('\uFEFF', csv.charAt(0), "a byte-order mark for spreadsheets");
        assertEquals(rows, CsvRows.read(csv.getBytes(StandardCharsets.UTF_8)).stream().map(CsvRows.Row::cells)
                .toList());
    }
}
