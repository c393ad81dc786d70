package io.airwarn.observation;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;

@ApplicationScoped
@WithSession
public class CityDailyAqiRepository implements PanacheRepositoryBase<CityDailyAqi, CityDailyAqi.Key> {

    public Uni<List<CityDailyAqi>> between(String cityCode, LocalDate from, LocalDate to) {
        return list("cityCode = ?1 and day between ?2 and ?3 order by day", cityCode, from, to);
    }

    /** The city's most recent day with stored AQI, or null. */
    public Uni<LocalDate> latestDay(String cityCode) {
        return find("cityCode = ?1 order by day desc", cityCode).firstResult().map(row -> row == null ? null : row.day);
    }
}
