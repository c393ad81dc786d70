package io.airwarn.observation;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.OffsetDateTime;

/** A monitoring station of a city, with the provenance of its data; demo stations replay data from elsewhere. */
@Entity
public class Station {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String cityCode;
    public String name;
    public String source;
    public boolean demo;
    public OffsetDateTime createdAt;
}
