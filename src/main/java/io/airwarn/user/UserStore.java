package io.airwarn.user;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/** Users with their password hashes and roles. */
@ApplicationScoped
public class UserStore {

    /** A stored user. */
    public record User(String username, String passwordHash, Set<String> roles, String displayName, boolean demo) {
    }

    private final Pool pool;

    UserStore(Pool pool) {
        this.pool = pool;
    }

    public Uni<User> find(String username) {
        return pool.preparedQuery("SELECT username, password_hash, roles, display_name, demo FROM app_user "
                + "WHERE username = $1").execute(Tuple.of(username))
                .map(rows -> rows.iterator().hasNext() ? user(rows.iterator().next()) : null);
    }

    /** Creates the user unless one of that name exists; returns whether it was created. */
    public Uni<Boolean> createIfAbsent(User user) {
        return pool.preparedQuery("INSERT INTO app_user (username, password_hash, roles, display_name, demo) "
                        + "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (username) DO NOTHING")
                .execute(Tuple.of(user.username(), user.passwordHash(), user.roles().toArray(String[]::new),
                        user.displayName(), user.demo()))
                .map(rows -> rows.rowCount() == 1);
    }

    private static User user(Row r) {
        return new User(r.getString(0), r.getString(1), Set.copyOf(List.of(r.getArrayOfStrings(2))), r.getString(3),
                r.getBoolean(4));
    }
}
