package io.airwarn.warning;

import io.airwarn.core.WarningLevel;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the public is told about warnings: each approval that issues, changes or lifts a warning is a published
 * message (CAP Alert, Update, Cancel), identified by warning and event. Drafts, proposals and pending changes are
 * never published.
 */
@ApplicationScoped
public class PublishedWarnings {

    public enum Type { ALERT, UPDATE, CANCEL }

    /**
     * One published message. {@code level} is the level in force after it, or for a cancel the level lifted;
     * {@code earlier} are the warning's earlier messages, oldest first.
     */
    public record Message(String identifier, long warningId, String city, Type type, WarningLevel level,
                          OffsetDateTime sent, OffsetDateTime onset, OffsetDateTime expectedEnd, boolean exercise,
                          List<Message> earlier) {
    }

    private static final Pattern IDENTIFIER = Pattern.compile("airwarn-(\\d{1,18})-(\\d{1,18})");

    private static final String MESSAGES = """
            SELECT e.id, e.warning_id, w.city_code, e.to_state, e.level, e.at, w.onset, w.expected_end, w.exercise
            FROM warning_event e JOIN warning w ON w.id = e.warning_id
            WHERE e.action = 'APPROVE' AND e.to_state IN ('ISSUED', 'LIFTED') AND %s
            ORDER BY e.warning_id, e.id""";

    /** How long a lifted warning stays in the feeds, so they carry its cancel. */
    private static final Duration LIFTED_KEPT = Duration.ofDays(1);

    private final Pool pool;
    private final Clock clock;

    PublishedWarnings(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    public static String identifier(long warningId, long eventId) {
        return "airwarn-" + warningId + "-" + eventId;
    }

    /** The message with this identifier, if it was published. */
    public Uni<Optional<Message>> message(String identifier) {
        Matcher m = IDENTIFIER.matcher(identifier);
        if (!m.matches()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return messages("e.warning_id = $1", Tuple.of(Long.parseLong(m.group(1))))
                .map(list -> list.stream().filter(x -> x.identifier().equals(identifier)).findFirst());
    }

    /**
     * The latest message of each warning in force, and of each lifted in the last day (so feeds carry the cancel);
     * exercises only if asked for.
     */
    public Uni<List<Message>> current(boolean withExercises) {
        return messages("(w.state IN ('ISSUED', 'CHANGE_SUBMITTED') OR w.lifted_at > $2) "
                + "AND (w.exercise = false OR $1)", Tuple.of(withExercises, OffsetDateTime.now(clock).minus(LIFTED_KEPT)))
                .map(list -> {
                    Map<Long, Message> latest = new LinkedHashMap<>();
                    list.forEach(x -> latest.put(x.warningId(), x));
                    return List.copyOf(latest.values());
                });
    }

    private Uni<List<Message>> messages(String condition, Tuple params) {
        return pool.preparedQuery(MESSAGES.formatted(condition)).execute(params).map(rows -> {
            List<Message> all = new ArrayList<>();
            List<Message> earlier = new ArrayList<>();
            long warning = -1;
            for (Row r : rows) {
                if (r.getLong(1) != warning) {
                    warning = r.getLong(1);
                    earlier = new ArrayList<>();
                }
                Type type = r.getString(3).equals("LIFTED") ? Type.CANCEL : earlier.isEmpty() ? Type.ALERT : Type.UPDATE;
                Message m = new Message(identifier(warning, r.getLong(0)), warning, r.getString(2), type,
                        WarningLevel.valueOf(r.getString(4)), r.getOffsetDateTime(5), r.getOffsetDateTime(6),
                        r.getOffsetDateTime(7), r.getBoolean(8), List.copyOf(earlier));
                earlier.add(m);
                all.add(m);
            }
            return all;
        });
    }
}
