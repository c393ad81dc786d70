package io.airwarn.observation;

/** A station as the API shows it, with where its data come from and whether they are demo data. */
public record StationView(long id, String name, String source, boolean demo) {

    static StationView of(Station s) {
        return new StationView(s.id, s.name, s.source, s.demo);
    }
}
