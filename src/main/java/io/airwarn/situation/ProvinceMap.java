package io.airwarn.situation;

import io.airwarn.city.City;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The province map's geometry: the outlines of Jilin's 9 prefecture-level units, a hand-placed label for each of the
 * 12 units, and the projection that puts a seat of government on the same map. Read once from
 * {@code map/jilin-prefectures.tsv}, which {@code src/tools/jilin-map/build_map.py} builds from OCHA's COD-AB boundaries
 * (CC BY 3.0 IGO; the map shows the attribution). Map units: x 0..100 west to east, y grows southwards.
 */
// Built at startup: its key (or random seed) and files are read before the first request, not on the event loop.
@Startup
@ApplicationScoped
public class ProvinceMap {

    static final String RESOURCE = "map/jilin-prefectures.tsv";

    private final double west;
    private final double north;
    private final double unitsPerLongitude;
    private final double unitsPerLatitude;
    private final Map<String, CitySituation.MapShape> shapes;

    public ProvinceMap() {
        this(RESOURCE);
    }

    ProvinceMap(String resource) {
        double[] projection = null;
        Map<String, CitySituation.MapShape> read = new HashMap<>();
        try (InputStream in = ProvinceMap.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the province map " + resource + " is not on the class path");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f[0].equals("projection") && f.length == 5) {
                    projection = new double[]{number(f[1]), number(f[2]), number(f[3]), number(f[4])};
                } else if (f[0].equals("unit") && f.length == 6) {
                    read.put(f[1], new CitySituation.MapShape(f[2], number(f[3]), number(f[4]),
                            f[5].equals("-") ? null : f[5]));
                } else {
                    throw new IllegalStateException(resource + ": cannot read the line starting " + f[0]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (projection == null) {
            throw new IllegalStateException(resource + " has no projection line");
        }
        west = projection[0];
        north = projection[1];
        unitsPerLongitude = projection[2];
        unitsPerLatitude = projection[3];
        shapes = Map.copyOf(read);
    }

    /** Where a longitude falls on the map, in the outlines' projection. */
    public double x(double longitude) {
        return (longitude - west) * unitsPerLongitude;
    }

    public double y(double latitude) {
        return (north - latitude) * unitsPerLatitude;
    }

    /** The unit's outline and label; a unit the map file does not know gets its name at its seat and no outline. */
    public CitySituation.MapShape shape(City city) {
        CitySituation.MapShape shape = shapes.get(city.code());
        return shape != null ? shape
                : new CitySituation.MapShape(city.nameZh(), x(city.longitude()), y(city.latitude()) + 3, null);
    }

    private static double number(String text) {
        return Double.parseDouble(text);
    }
}
