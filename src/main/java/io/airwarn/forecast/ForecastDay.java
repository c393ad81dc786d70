package io.airwarn.forecast;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/** One day of a stored forecast run. */
@Entity
@Table(name = "forecast_day")
@IdClass(ForecastDay.Key.class)
public class ForecastDay {

    @Id
    public Long runId;
    @Id
    public short lead;
    public LocalDate targetDay;
    public String meteorology;
    public double expectedAqi;
    public int lowAqi;
    public int highAqi;
    @Column(name = "p_above_200")
    public double pAbove200;
    @Column(name = "p_above_300")
    public double pAbove300;
    @Column(name = "p_at_least_500")
    public double pAtLeast500;
    /** The probability at which the model says "above 200" (null in runs stored before models had one). */
    @Column(name = "decision_200")
    public Double decision200;
    @Column(name = "decision_300")
    public Double decision300;

    /** Composite key: one row per run and lead. */
    public static class Key implements Serializable {
        public Long runId;
        public short lead;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(runId, k.runId) && lead == k.lead;
        }

        @Override
        public int hashCode() {
            return Objects.hash(runId, lead);
        }
    }
}
