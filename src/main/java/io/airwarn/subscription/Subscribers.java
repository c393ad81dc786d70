package io.airwarn.subscription;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Who receives a unit's public warnings: its confirmed, not opted-out subscribers. */
@ApplicationScoped
public class Subscribers {

    /** A confirmed subscriber; {@code english} when it chose English. */
    public record Subscriber(long id, String phone, boolean english) {
    }

    private final Pool pool;

    Subscribers(Pool pool) {
        this.pool = pool;
    }

    /** In the caller's transaction, so a warning reaches exactly those subscribed when it is issued. */
    public Uni<List<Subscriber>> active(SqlConnection c, String unit) {
        return c.preparedQuery("SELECT id, phone, language FROM subscription WHERE unit = $1 AND status = 'ACTIVE' "
                + "ORDER BY id").execute(Tuple.of(unit)).map(rows -> {
                    List<Subscriber> list = new ArrayList<>();
                    rows.forEach(r -> list.add(new Subscriber(r.getLong(0), r.getString(1), "en".equals(r.getString(2)))));
                    return list;
                });
    }

    /** How many subscribers a unit has, by language. */
    public Uni<Map<String, Long>> countByLanguage(String unit) {
        return pool.preparedQuery("SELECT language, count(*) FROM subscription WHERE unit = $1 AND status = 'ACTIVE' "
                + "GROUP BY language").execute(Tuple.of(unit)).map(rows -> {
                    Map<String, Long> counts = new HashMap<>();
                    rows.forEach(r -> counts.put(r.getString(0), r.getLong(1)));
                    return counts;
                });
    }
}
