package io.airwarn.core;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** CSV text as rows of cells with their line numbers; strict UTF-8, an optional byte-order mark is dropped. */
public final class CsvRows {

    private static final CsvMapper CSV = new CsvMapper();

    /** One CSV record and the line it starts on (the first line is 1). */
    public record Row(int line, List<String> cells) {
        public boolean isBlank() {
            return cells.size() <= 1 && (cells.isEmpty() || cells.get(0).isBlank());
        }
    }

    private CsvRows() {
    }

    /**
     * Rows as CSV text for a spreadsheet: quoted where needed, CRLF line ends, with a byte-order mark so that Excel
     * reads the Chinese as UTF-8.
     */
    public static String write(List<List<String>> rows) {
        try {
            return "\uFEFF" + CSV.writer(CsvSchema.emptySchema().withLineSeparator("\r\n")).writeValueAsString(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws InvalidFileException when the bytes are not UTF-8 or not CSV */
    public static List<Row> read(byte[] content) {
        String text = decodeUtf8(content);
        List<Row> rows = new ArrayList<>();
        try (CsvParser parser = (CsvParser) CSV.createParser(text)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token != JsonToken.START_ARRAY) {
                    continue;
                }
                int line = -1;
                List<String> cells = new ArrayList<>();
                while (parser.nextToken() == JsonToken.VALUE_STRING) {
                    if (line < 0) {
                        line = parser.currentTokenLocation().getLineNr();
                    }
                    cells.add(parser.getText());
                }
                rows.add(new Row(line, cells));
            }
        } catch (IOException e) {
            throw new InvalidFileException("The file is not a readable CSV file: " + e.getMessage());
        }
        return rows;
    }

    /** Strict UTF-8 without a byte-order mark; @throws InvalidFileException when the bytes are not UTF-8 */
    public static String decodeUtf8(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new InvalidFileException("The file is not valid UTF-8 text");
        }
    }
}
