package io.airwarn.observation;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;

@ApplicationScoped
@WithSession
public class CityHourlyAqiRepository implements PanacheRepositoryBase<CityHourlyAqi, CityHourlyAqi.Key> {

    /** Hours in [from, toExclusive), in order. */
    public Uni<List<CityHourlyAqi>> between(String cityCode, OffsetDateTime from, OffsetDateTime toExclusive) {
        return list("cityCode = ?1 and observedAt >= ?2 and observedAt < ?3 order by observedAt", cityCode, from,
                toExclusive);
    }

    /** The city's most recent hour with stored AQI, or null. */
    public Uni<OffsetDateTime> latestHour(String cityCode) {
        return find("cityCode = ?1 order by observedAt desc", cityCode).firstResult()
                .map(row -> row == null ? null : row.observedAt);
    }
}
