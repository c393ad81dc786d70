package io.airwarn.observation;

import jakarta.persistence.MappedSuperclass;

/** What stored hourly and daily city AQI have in common: the result and the data behind it. */
@MappedSuperclass
public abstract class StoredCityAqi {

    public String standard;
    public Integer aqi;
    public Short category;
    /** Comma-separated item keys. */
    public String primaryPollutants;
    /** Comma-separated item keys. */
    public String exceedingPollutants;
    /** JSON object: item key to sub-index. */
    public String iaqi;
    /** JSON object: item key to the number of valid stations, hours or 8 h means behind it. */
    public String completeness;
    public boolean demo;
}
