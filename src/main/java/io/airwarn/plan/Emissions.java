package io.airwarn.plan;

/** Daily emissions (or cuts) of the four pollutants the national reduction rule counts, in t/day. */
public record Emissions(double so2, double nox, double pm, double vocs) {

    public static final Emissions ZERO = new Emissions(0, 0, 0, 0);

    /** The pollutants in report order. */
    public enum Pollutant { SO2, NOX, PM, VOCS }

    public double get(Pollutant p) {
        return switch (p) {
            case SO2 -> so2;
            case NOX -> nox;
            case PM -> pm;
            case VOCS -> vocs;
        };
    }

    public Emissions plus(Emissions o) {
        return new Emissions(so2 + o.so2, nox + o.nox, pm + o.pm, vocs + o.vocs);
    }
}
