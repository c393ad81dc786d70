package io.airwarn.user;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Users with their password hashes and roles. */
@ApplicationScoped
public class UserStore {

    /** A stored user; {@code recipient} is set for enterprise, school and unit users, who act for it alone. */
    public record User(String username, String passwordHash, Set<String> roles, String displayName, boolean demo,
                       Recipient recipient) {
        public User(String username, String passwordHash, Set<String> roles, String displayName, boolean demo) {
            this(username, passwordHash, roles, displayName, demo, null);
        }
    }

    /** A recipient of orders: the plan's unit code and the recipient's id in it. */
    public record Recipient(String unit, String id) {
    }

    /** Failed sign-ins in a row that lock a user, and for how long. */
    static final int MAX_FAILED_SIGN_INS = 5;
    static final int LOCK_SECONDS = 15 * 60;

    private final Pool pool;

    UserStore(Pool pool) {
        this.pool = pool;
    }

    public Uni<User> find(String username) {
        return pool.preparedQuery("SELECT username, password_hash, roles, display_name, demo, recipient_unit, "
                + "recipient_id FROM app_user WHERE username = $1").execute(Tuple.of(username))
                .map(rows -> rows.iterator().hasNext() ? user(rows.iterator().next()) : null);
    }

    /** Creates the user unless one of that name exists; returns whether it was created. */
    public Uni<Boolean> createIfAbsent(User user) {
        Recipient r = user.recipient();
        return pool.preparedQuery("INSERT INTO app_user (username, password_hash, roles, display_name, demo, "
                        + "recipient_unit, recipient_id) VALUES ($1, $2, $3, $4, $5, $6, $7) "
                        + "ON CONFLICT (username) DO NOTHING")
                .execute(Tuple.from(Arrays.asList(user.username(), user.passwordHash(),
                        user.roles().toArray(String[]::new), user.displayName(), user.demo(),
                        r == null ? null : r.unit(), r == null ? null : r.id())))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Whether the user is locked after too many failed sign-ins. */
    public Uni<Boolean> locked(String username) {
        return pool.preparedQuery("SELECT locked_until > now() FROM app_user WHERE username = $1")
                .execute(Tuple.of(username)).map(rows -> rows.iterator().hasNext()
                        && Boolean.TRUE.equals(rows.iterator().next().getBoolean(0)));
    }

    /** Counts a failed sign-in; the one that reaches the limit locks the user and starts the count again. */
    public Uni<Boolean> signInFailed(String username) {
        return pool.preparedQuery("""
                UPDATE app_user SET
                    locked_until = CASE WHEN failed_sign_ins + 1 >= $2 THEN now() + make_interval(secs => $3)
                                        ELSE locked_until END,
                    failed_sign_ins = CASE WHEN failed_sign_ins + 1 >= $2 THEN 0 ELSE failed_sign_ins + 1 END
                WHERE username = $1 RETURNING locked_until > now()""")
                .execute(Tuple.of(username, MAX_FAILED_SIGN_INS, LOCK_SECONDS))
                .map(rows -> rows.iterator().hasNext() && Boolean.TRUE.equals(rows.iterator().next().getBoolean(0)));
    }

    public Uni<Void> signInSucceeded(String username) {
        return pool.preparedQuery("UPDATE app_user SET failed_sign_ins = 0 WHERE username = $1 AND failed_sign_ins > 0")
                .execute(Tuple.of(username)).replaceWithVoid();
    }

    /** Every user, without password hashes. */
    public Uni<List<User>> all() {
        return pool.query("SELECT username, '', roles, display_name, demo, recipient_unit, recipient_id FROM app_user "
                + "ORDER BY username").execute().map(rows -> {
                    List<User> list = new ArrayList<>();
                    rows.forEach(r -> list.add(user(r)));
                    return list;
                });
    }

    private static User user(Row r) {
        return new User(r.getString(0), r.getString(1), Set.copyOf(List.of(r.getArrayOfStrings(2))), r.getString(3),
                r.getBoolean(4), r.getString(5) == null ? null : new Recipient(r.getString(5), r.getString(6)));
    }
}
