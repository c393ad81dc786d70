package io.airwarn.observation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What an import stored and what it skipped. {@code skipped} lists at most {@link #MAX_LISTED} rows;
 * {@code rowsSkipped} counts them all.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportReport(String format, String city, String station, int rowsRead, int rowsStored,
                           int rowsSkipped, List<SkippedRow> skipped,
                           List<ObservationImportService.CityRecomputation> cityAqi) {

    static final int MAX_LISTED = 1000;

    static List<SkippedRow> listed(List<SkippedRow> skipped) {
        return List.copyOf(skipped.subList(0, Math.min(MAX_LISTED, skipped.size())));
    }
}
