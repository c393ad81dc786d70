package io.airwarn.user;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
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


    private final Pool pool;
    private final Clock clock;

    UserStore(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
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

    /** Whether this client must still wait before it may try this account again (SignInThrottle). */
    public Uni<Boolean> throttled(String username, String client) {
        return pool.preparedQuery("SELECT blocked_until FROM sign_in_failure WHERE username = $1 AND client = $2")
                .execute(Tuple.of(username, client)).map(rows -> rows.iterator().hasNext()
                        && rows.iterator().next().getOffsetDateTime(0).isAfter(OffsetDateTime.now(clock)));
    }

    /** Counts a failed sign-in of this client to this account (unknown accounts alike) and sets its wait. */
    public Uni<Duration> signInFailed(String username, String client) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return pool.withTransaction(c -> c.preparedQuery("""
                        INSERT INTO sign_in_failure AS f (username, client, failures, blocked_until, last_failure)
                        VALUES ($1, $2, 1, $3, $3)
                        ON CONFLICT (username, client) DO UPDATE SET
                            failures = CASE WHEN f.last_failure < $4 THEN 1 ELSE f.failures + 1 END,
                            last_failure = $3
                        RETURNING failures""")
                .execute(Tuple.of(username, client, now, now.minus(SignInThrottle.MEMORY)))
                .chain(rows -> {
                    Duration delay = SignInThrottle.delayAfter(rows.iterator().next().getInteger(0));
                    return c.preparedQuery("UPDATE sign_in_failure SET blocked_until = $3 "
                                    + "WHERE username = $1 AND client = $2")
                            .execute(Tuple.of(username, client, now.plus(delay))).replaceWith(delay);
                }));
    }

    /** A successful sign-in clears the client's count, and failures nobody remembers are dropped. */
    public Uni<Void> signInSucceeded(String username, String client) {
        return pool.preparedQuery("DELETE FROM sign_in_failure WHERE (username = $1 AND client = $2) "
                        + "OR last_failure < $3")
                .execute(Tuple.of(username, client, OffsetDateTime.now(clock).minus(SignInThrottle.MEMORY)))
                .replaceWithVoid();
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
