package io.airwarn.aqi;

/** The six pollutants of GB 3095-2012, with the unit HJ 633 uses for each. */
public enum Pollutant {
    SO2("二氧化硫", "sulphur dioxide", "μg/m³"),
    NO2("二氧化氮", "nitrogen dioxide", "μg/m³"),
    PM10("可吸入颗粒物", "PM10", "μg/m³"),
    CO("一氧化碳", "carbon monoxide", "mg/m³"),
    O3("臭氧", "ozone", "μg/m³"),
    PM2_5("细颗粒物", "PM2.5", "μg/m³");

    private final String zh;
    private final String en;
    private final String unit;

    Pollutant(String zh, String en, String unit) {
        this.zh = zh;
        this.en = en;
        this.unit = unit;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    public String unit() {
        return unit;
    }
}
