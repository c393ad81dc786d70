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
    /** Whether the model calls the day above 200 (any pollutant's fit says so) and above 300. */
    @Column(name = "says_above_200")
    public boolean saysAbove200;
    @Column(name = "says_above_300")
    public boolean saysAbove300;
    /** The pollutant with the highest expected sub-index, e.g. PM2_5. */
    public String primaryPollutant;
    /** Each pollutant's forecast as JSON, {@link PollutantForecastView#listOf(String)}. */
    public String subIndices;

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
