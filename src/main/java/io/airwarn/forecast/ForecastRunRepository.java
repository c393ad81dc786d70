package io.airwarn.forecast;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;

@ApplicationScoped
@WithSession
public class ForecastRunRepository implements PanacheRepository<ForecastRun> {

    public Uni<ForecastRun> latest(String cityCode) {
        return find("cityCode = ?1 order by issuedAt desc", cityCode).firstResult();
    }

    /** Runs issued in [from, toExclusive), newest first. */
    public Uni<List<ForecastRun>> issuedBetween(String cityCode, OffsetDateTime from, OffsetDateTime toExclusive) {
        return list("cityCode = ?1 and issuedAt >= ?2 and issuedAt < ?3 order by issuedAt desc", cityCode, from,
                toExclusive);
    }
}
