package io.airwarn.observation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/** A stored city daily AQI (written by {@link CityAqiStore}, read through Hibernate Reactive). */
@Entity
@Table(name = "city_aqi_daily")
@IdClass(CityDailyAqi.Key.class)
public class CityDailyAqi extends StoredCityAqi {

    @Id
    public String cityCode;
    @Id
    public LocalDate day;
    @Column(name = "so2_24h")
    public Double so2;
    @Column(name = "no2_24h")
    public Double no2;
    @Column(name = "pm10_24h")
    public Double pm10;
    @Column(name = "co_24h")
    public Double co;
    @Column(name = "o3_1h")
    public Double o3MaxHour;
    @Column(name = "o3_8h")
    public Double o3MaxEightHours;
    @Column(name = "pm2_5_24h")
    public Double pm2_5;

    /** Composite key: one row per city and day. */
    public static class Key implements Serializable {
        public String cityCode;
        public LocalDate day;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(cityCode, k.cityCode) && Objects.equals(day, k.day);
        }

        @Override
        public int hashCode() {
            return Objects.hash(cityCode, day);
        }
    }
}
