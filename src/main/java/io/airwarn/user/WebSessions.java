package io.airwarn.user;

import io.airwarn.core.Digests;
import io.airwarn.core.InstallationSecrets;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Server-side sessions of the console and the portal, beside Quarkus's encrypted session cookie: a sign-in makes a
 * random session id (its own HttpOnly cookie), every request needs it unrevoked, and signing out revokes it in the
 * database, so on every node. The form tokens are keyed to it (CsrfTokens).
 */
@ApplicationScoped
public class WebSessions {

    public static final String COOKIE = "airwarn-sid";

    private final Pool pool;
    private final Clock clock;

    WebSessions(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** A new session of the user; the id goes into the cookie, only its hash into the database. */
    Uni<String> create(String username) {
        String id = InstallationSecrets.randomHex(32);
        return pool.preparedQuery("INSERT INTO web_session (id_hash, username, created_at) VALUES ($1, $2, $3)")
                .execute(Tuple.of(Digests.sha256Hex(id), username, OffsetDateTime.now(clock))).replaceWith(id);
    }

    /** Whether the id is a live session of this user. */
    Uni<Boolean> live(String id, String username) {
        if (id == null || id.isBlank()) {
            return Uni.createFrom().item(false);
        }
        return pool.preparedQuery("SELECT 1 FROM web_session WHERE id_hash = $1 AND username = $2 "
                        + "AND revoked_at IS NULL").execute(Tuple.of(Digests.sha256Hex(id), username))
                .map(rows -> rows.iterator().hasNext());
    }

    /** Ends one session (sign out); ending everywhere also ends the user's other sessions. Returns how many ended. */
    public Uni<Integer> revoke(String id, boolean everywhere) {
        if (id == null || id.isBlank()) {
            return Uni.createFrom().item(0);
        }
        String sql = everywhere
                ? "UPDATE web_session SET revoked_at = $2 WHERE revoked_at IS NULL AND username = "
                        + "(SELECT username FROM web_session WHERE id_hash = $1)"
                : "UPDATE web_session SET revoked_at = $2 WHERE revoked_at IS NULL AND id_hash = $1";
        return pool.preparedQuery(sql).execute(Tuple.of(Digests.sha256Hex(id), OffsetDateTime.now(clock)))
                .map(rows -> rows.rowCount());
    }

    /** An administrator ends every session of a user. */
    public Uni<Integer> revokeAll(String username) {
        return pool.preparedQuery("UPDATE web_session SET revoked_at = $2 WHERE revoked_at IS NULL AND username = $1")
                .execute(Tuple.of(username, OffsetDateTime.now(clock))).map(rows -> rows.rowCount());
    }

    /** The session id a request carries, or null. */
    public static String id(HttpServerRequest request) {
        Cookie cookie = request.getCookie(COOKIE);
        return cookie == null ? null : cookie.getValue();
    }

    static Cookie cookie(String id, boolean secure) {
        return Cookie.cookie(COOKIE, id).setPath("/").setHttpOnly(true).setSecure(secure)
                .setSameSite(CookieSameSite.STRICT);
    }

}
