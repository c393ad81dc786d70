package io.airwarn.observation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/** A stored city hourly AQI (written by {@link CityAqiStore}, read through Hibernate Reactive). */
@Entity
@Table(name = "city_aqi_hourly")
@IdClass(CityHourlyAqi.Key.class)
public class CityHourlyAqi extends StoredCityAqi {

    @Id
    public String cityCode;
    @Id
    public OffsetDateTime observedAt;
    @Column(name = "so2_1h")
    public Double so2;
    @Column(name = "so2_24h")
    public Double so2Moving24h;
    @Column(name = "no2_1h")
    public Double no2;
    @Column(name = "co_1h")
    public Double co;
    @Column(name = "o3_1h")
    public Double o3;
    @Column(name = "o3_8h")
    public Double o3Moving8h;
    @Column(name = "pm10_24h")
    public Double pm10ForAqi;
    @Column(name = "pm2_5_24h")
    public Double pm2_5ForAqi;
    @Column(name = "pm10_1h")
    public Double pm10;
    @Column(name = "pm2_5_1h")
    public Double pm2_5;

    /** Composite key: one row per city and hour. */
    public static class Key implements Serializable {
        public String cityCode;
        public OffsetDateTime observedAt;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(cityCode, k.cityCode) && Objects.equals(observedAt, k.observedAt);
        }

        @Override
        public int hashCode() {
            return Objects.hash(cityCode, observedAt);
        }
    }
}
