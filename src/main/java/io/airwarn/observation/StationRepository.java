package io.airwarn.observation;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
@WithSession
public class StationRepository implements PanacheRepository<Station> {

    public Uni<List<Station>> ofCity(String cityCode) {
        return list("cityCode = ?1 order by name", cityCode);
    }
}
