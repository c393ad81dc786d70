package io.airwarn.observation;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A row that was not stored and why. {@code line} is the CSV line number (the header is line 1);
 * {@code index} the 0-based position in a JSON array.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SkippedRow(Integer line, Integer index, String reason) {

    public static SkippedRow atLine(int line, String reason) {
        return new SkippedRow(line, null, reason);
    }

    public static SkippedRow atIndex(int index, String reason) {
        return new SkippedRow(null, index, reason);
    }
}
