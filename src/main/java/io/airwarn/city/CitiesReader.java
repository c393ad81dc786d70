package io.airwarn.city;

import io.airwarn.core.Yaml;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads {@code cities.yaml}; codes must be unique, and only six-digit codes count as official GB/T 2260 codes. */
public final class CitiesReader {

    private static final Pattern GB_T_2260 = Pattern.compile("\\d{6}");

    record File(List<Entry> cities) {
    }

    record Entry(String code, String zh, String en, Double lat, Double lon, String note,
                 List<City.FormerCode> formerCodes) {
    }

    private CitiesReader() {
    }

    public static Cities read(InputStream in, String fileName) {
        File file = Yaml.read(in, File.class, fileName);
        if (file.cities() == null || file.cities().isEmpty()) {
            throw new IllegalArgumentException(fileName + ": no cities defined");
        }
        Set<String> codes = new HashSet<>();
        List<City> cities = new ArrayList<>();
        for (Entry e : file.cities()) {
            if (e.code() == null || e.code().isBlank() || e.zh() == null || e.en() == null || e.lat() == null
                    || e.lon() == null) {
                throw new IllegalArgumentException(fileName + ": city " + e.code() + " needs code, zh, en, lat and lon");
            }
            City city = new City(e.code(), e.zh(), e.en(), e.lat(), e.lon(), GB_T_2260.matcher(e.code()).matches(),
                    e.note(), e.formerCodes());
            if (!codes.add(city.code()) || city.formerCodes().stream().anyMatch(f -> !codes.add(f.code()))) {
                throw new IllegalArgumentException(fileName + ": code of city " + city.code() + " is used twice");
            }
            cities.add(city);
        }
        return new Cities(cities);
    }
}
