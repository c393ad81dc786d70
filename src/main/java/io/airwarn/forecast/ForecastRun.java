package io.airwarn.forecast;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A stored forecast run (written by {@link ForecastStore}, read through Hibernate Reactive). */
@Entity
@Table(name = "forecast_run")
public class ForecastRun {

    @Id
    public Long id;
    public String cityCode;
    public OffsetDateTime issuedAt;
    public LocalDate dataThrough;
    /** Hour of {@code dataThrough} before which the data were used; 24 = the whole day. */
    public short issueHour;
    public String modelId;
    public String modelLabel;
    public String modelVersion;
    @Column(name = "trigger")
    public String trigger;
    public boolean demo;
    @OneToMany(mappedBy = "runId", fetch = FetchType.EAGER)
    @OrderBy("lead")
    public List<ForecastDay> days;
}
