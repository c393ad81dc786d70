package io.airwarn.forecast;

import java.util.EnumMap;
import java.util.Map;

/** One hour's values gathered over files: the pollutants' columns and meteorology, each a running mean. */
final class HourAccumulator {

    /** Hour of the day, 0..23 Beijing time. */
    final int hour;
    final Map<ForecastPollutant, Mean> pollutants = new EnumMap<>(ForecastPollutant.class);
    final Mean temperature = new Mean();
    final Mean dewPoint = new Mean();
    final Mean pressure = new Mean();
    final Mean windSpeed = new Mean();
    final Mean precipitation = new Mean();
    final int[] quadrants = new int[InputFormat.Quadrant.values().length];

    HourAccumulator(int hour) {
        this.hour = hour;
        for (ForecastPollutant p : ForecastPollutant.values()) {
            pollutants.put(p, new Mean());
        }
    }

    void quadrant(InputFormat.Quadrant q) {
        if (q != null) {
            quadrants[q.ordinal()]++;
        }
    }

    /** A running sum and count that ignores missing values. */
    static final class Mean {
        double sum;
        int count;

        void add(Double value) {
            if (value != null) {
                sum += value;
                count++;
            }
        }

        Double mean() {
            return count == 0 ? null : sum / count;
        }
    }
}
