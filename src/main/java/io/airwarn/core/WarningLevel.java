package io.airwarn.core;

/** Warning levels in ascending order of severity (BLUE exists only in the 2017 four-level scheme). */
public enum WarningLevel {
    NONE("无", "none"), BLUE("蓝色", "blue"), YELLOW("黄色", "yellow"), ORANGE("橙色", "orange"), RED("红色", "red");

    private final String zh;
    private final String en;

    WarningLevel(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    /** The level's name as screens and reports write it: 红色. */
    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    public boolean atLeast(WarningLevel other) {
        return compareTo(other) >= 0;
    }

    /** The levels enterprises and the reduction check have measures for. */
    public static final WarningLevel[] RESPONSE_LEVELS = {YELLOW, ORANGE, RED};
}
