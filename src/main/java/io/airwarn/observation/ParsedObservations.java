package io.airwarn.observation;

import java.util.List;

/** What a reader got from a file: the valid rows, the rows it skipped and why, and how many data rows it saw. */
public record ParsedObservations(PrsaFormat format, List<HourlyObservation> rows, List<SkippedRow> skipped,
                                 int rowsRead) {
}
