package io.airwarn.observation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The values no instrument can report. A row breaking one is skipped and reported, not stored. */
public final class ObservationRules {

    private ObservationRules() {
    }

    public static Optional<String> problem(HourlyObservation o) {
        if (o.hour().getMinute() != 0 || o.hour().getSecond() != 0 || o.hour().getNano() != 0) {
            return Optional.of("time " + o.hour() + " is not on the hour");
        }
        for (Map.Entry<String, Double> value : nonNegativeValues(o).entrySet()) {
            Double v = value.getValue();
            if (v != null && (!Double.isFinite(v) || v < 0)) {
                return Optional.of(value.getKey() + " " + v + " is impossible (negative or not a number)");
            }
        }
        if (o.humidity() != null && o.humidity() > 100) {
            return Optional.of("humidity " + o.humidity() + " is above 100 %");
        }
        if (o.temperature() != null && !Double.isFinite(o.temperature())
                || o.dewPoint() != null && !Double.isFinite(o.dewPoint())) {
            return Optional.of("temperature or dew point is not a number");
        }
        return Optional.empty();
    }

    private static Map<String, Double> nonNegativeValues(HourlyObservation o) {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("PM2.5", o.pm2_5());
        values.put("PM10", o.pm10());
        values.put("SO2", o.so2());
        values.put("NO2", o.no2());
        values.put("CO", o.co());
        values.put("O3", o.o3());
        values.put("humidity", o.humidity());
        values.put("pressure", o.pressure());
        values.put("wind speed", o.windSpeed());
        values.put("precipitation", o.precipitation());
        return values;
    }
}
