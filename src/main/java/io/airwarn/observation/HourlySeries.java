package io.airwarn.observation;

import io.airwarn.aqi.Pollutant;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * A city's hourly concentrations over a contiguous range of hours (Beijing time): for each hour and pollutant the
 * mean of the stations that reported it, and how many did. Missing hours are NaN with zero stations.
 */
public final class HourlySeries {

    private final LocalDateTime start;
    private final int length;
    private final Map<Pollutant, double[]> means = new EnumMap<>(Pollutant.class);
    private final Map<Pollutant, int[]> stations = new EnumMap<>(Pollutant.class);
    private final boolean[] demo;

    public HourlySeries(LocalDateTime start, LocalDateTime endExclusive) {
        this.start = start;
        this.length = Math.toIntExact(Duration.between(start, endExclusive).toHours());
        for (Pollutant p : Pollutant.values()) {
            double[] values = new double[length];
            Arrays.fill(values, Double.NaN);
            means.put(p, values);
            stations.put(p, new int[length]);
        }
        this.demo = new boolean[length];
    }

    /** Records the station mean of one pollutant at one hour; ignored outside the range. */
    public void put(LocalDateTime hour, Pollutant pollutant, double mean, int stationCount) {
        int i = index(hour);
        if (i >= 0 && i < length && stationCount > 0) {
            means.get(pollutant)[i] = mean;
            stations.get(pollutant)[i] = stationCount;
        }
    }

    /** Marks an hour as containing demonstration data. */
    public void markDemo(LocalDateTime hour) {
        int i = index(hour);
        if (i >= 0 && i < length) {
            demo[i] = true;
        }
    }

    public LocalDateTime start() {
        return start;
    }

    public int length() {
        return length;
    }

    public LocalDateTime hourAt(int index) {
        return start.plusHours(index);
    }

    public int index(LocalDateTime hour) {
        return Math.toIntExact(Duration.between(start, hour).toHours());
    }

    /** The mean at an index, NaN when missing or outside the range. */
    public double mean(Pollutant pollutant, int index) {
        return index < 0 || index >= length ? Double.NaN : means.get(pollutant)[index];
    }

    public int stations(Pollutant pollutant, int index) {
        return index < 0 || index >= length ? 0 : stations.get(pollutant)[index];
    }

    public boolean demo(int index) {
        return index >= 0 && index < length && demo[index];
    }

    public boolean anyValue(int index) {
        for (Pollutant p : Pollutant.values()) {
            if (!Double.isNaN(mean(p, index))) {
                return true;
            }
        }
        return false;
    }

    /** Mean and count of the valid hours among {@code hours} hours ending at {@code endIndex} (inclusive). */
    public Window window(Pollutant pollutant, int endIndex, int hours) {
        double sum = 0;
        int valid = 0;
        for (int i = endIndex - hours + 1; i <= endIndex; i++) {
            double v = mean(pollutant, i);
            if (!Double.isNaN(v)) {
                sum += v;
                valid++;
            }
        }
        return new Window(valid == 0 ? Double.NaN : sum / valid, valid);
    }

    /** The mean of the valid hours in a window and how many there were. */
    public record Window(double mean, int validHours) {
    }
}
