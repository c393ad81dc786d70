package io.airwarn.forecast;

import io.airwarn.aqi.TablesAccess;
import java.nio.file.Path;
import java.util.List;

/** The real data the forecast tests use: two years of the US Embassy file, shipped under src/test/resources. */
final class ForecastFixtures {

    static final Path EMBASSY_2013_2014 = Path.of("src/test/resources/prsa/PRSA_data_2013-2014_us_embassy.csv");

    private ForecastFixtures() {
    }

    static DailySeries embassySeries() {
        return new DailySeries(HourlyFileReader.read(List.of(EMBASSY_2013_2014), "prsa", List.of()).days(),
                TablesAccess.hj6332012());
    }
}
