package io.airwarn.warning;

import io.airwarn.core.BeijingTime;
import io.airwarn.core.WarningLevel;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Warnings and their history. */
@ApplicationScoped
class WarningStore {

    private static final String COLUMNS = "id, city_code, state, level, issued_level, pending_level, onset, "
            + "expected_end, exercise, widen_exercise, observed_heavy, proposal_id, drafted_by, submitted_by, approved_by, issued_at, "
            + "lifted_at";

    /** One entry of a warning's history. */
    record Event(long id, String at, String actor, String action, String fromState, String toState, String level,
                 String note, Long activationId) {
    }

    private final Pool pool;
    private final Clock clock;

    WarningStore(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    Uni<Long> insert(SqlConnection c, Warning w) {
        return c.preparedQuery("INSERT INTO warning (city_code, state, level, onset, expected_end, exercise, "
                        + "widen_exercise, observed_heavy, proposal_id, drafted_by, created_at) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id")
                .execute(Tuple.tuple(Arrays.asList(w.city(), w.state().name(), w.level().name(), w.onset(),
                        w.expectedEnd(), w.exercise(), w.widenExercise(), w.observedHeavy(), w.proposalId(),
                        w.draftedBy(), OffsetDateTime.now(clock))))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** Marks the proposal a warning was drafted from. */
    Uni<Void> proposalDrafted(SqlConnection c, Long proposalId) {
        return proposalId == null ? Uni.createFrom().voidItem()
                : c.preparedQuery("UPDATE warning_proposal SET status = 'DRAFTED' WHERE id = $1")
                        .execute(Tuple.of(proposalId)).replaceWithVoid();
    }

    /** The warning, locked for this transaction, or null. */
    Uni<Warning> lock(SqlConnection c, long id) {
        return c.preparedQuery("SELECT " + COLUMNS + " FROM warning WHERE id = $1 FOR UPDATE").execute(Tuple.of(id))
                .map(rows -> rows.iterator().hasNext() ? warning(rows.iterator().next()) : null);
    }

    Uni<Void> update(SqlConnection c, Warning w) {
        return c.preparedQuery("""
                UPDATE warning SET state = $2, level = $3, issued_level = $4, pending_level = $5, onset = $6,
                    expected_end = $7, observed_heavy = $8, submitted_by = $9, approved_by = $10, issued_at = $11,
                    lifted_at = $12, version = version + 1
                WHERE id = $1""").execute(Tuple.tuple(Arrays.asList(w.id(), w.state().name(), w.level().name(),
                w.issuedLevel().name(), w.pendingLevel() == null ? null : w.pendingLevel().name(), w.onset(),
                w.expectedEnd(), w.observedHeavy(), w.submittedBy(), w.approvedBy(), w.issuedAt(), w.liftedAt())))
                .replaceWithVoid();
    }

    Uni<Void> event(SqlConnection c, long warningId, String actor, String action, WarningState from, WarningState to,
                    WarningLevel level, String note, Long activationId) {
        return c.preparedQuery("INSERT INTO warning_event (warning_id, actor, action, from_state, to_state, level, note, "
                        + "activation_id, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
                .execute(Tuple.tuple(Arrays.asList(warningId, actor, action, from.name(), to.name(), level.name(), note,
                        activationId, OffsetDateTime.now(clock)))).replaceWithVoid();
    }

    Uni<Warning> find(long id) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM warning WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.iterator().hasNext() ? warning(rows.iterator().next()) : null);
    }

    /** Whether an exercise is under way: drafted and neither lifted nor cancelled. */
    Uni<Boolean> exerciseUnderWay() {
        return pool.query("SELECT EXISTS (SELECT 1 FROM warning WHERE exercise AND state NOT IN ('LIFTED', "
                + "'CANCELLED'))").execute().map(rows -> rows.iterator().next().getBoolean(0));
    }

    Uni<List<Warning>> list(String city, String state, Boolean exercise) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM warning WHERE ($1::text IS NULL OR city_code = $1) "
                        + "AND ($2::text IS NULL OR state = $2) AND ($3::boolean IS NULL OR exercise = $3) ORDER BY id DESC")
                .execute(Tuple.tuple(Arrays.asList(city, state, exercise))).map(rows -> {
                    List<Warning> list = new ArrayList<>();
                    rows.forEach(r -> list.add(warning(r)));
                    return list;
                });
    }

    /** Warnings awaiting approval and since when (their last submission), longest waiting first. */
    Uni<List<WarningQueries.Awaiting>> awaitingApproval() {
        return pool.query("SELECT " + COLUMNS + ", (SELECT max(e.at) FROM warning_event e WHERE e.warning_id = "
                        + "warning.id AND e.action IN ('SUBMIT', 'REQUEST_CHANGE')) AS since FROM warning "
                        + "WHERE state IN ('SUBMITTED', 'CHANGE_SUBMITTED') ORDER BY since NULLS FIRST, id")
                .execute().map(rows -> {
                    List<WarningQueries.Awaiting> list = new ArrayList<>();
                    rows.forEach(r -> list.add(new WarningQueries.Awaiting(warning(r), r.getOffsetDateTime(17))));
                    return list;
                });
    }

    Uni<List<Event>> events(long warningId) {
        return pool.preparedQuery("SELECT id, at, actor, action, from_state, to_state, level, note, activation_id "
                + "FROM warning_event WHERE warning_id = $1 ORDER BY id").execute(Tuple.of(warningId)).map(rows -> {
                    List<Event> list = new ArrayList<>();
                    rows.forEach(r -> list.add(new Event(r.getLong(0), BeijingTime.withOffset(r.getOffsetDateTime(1)), r.getString(2),
                            r.getString(3), r.getString(4), r.getString(5), r.getString(6), r.getString(7),
                            r.getLong(8))));
                    return list;
                });
    }

    private static Warning warning(Row r) {
        return new Warning(r.getLong(0), r.getString(1), WarningState.valueOf(r.getString(2)),
                WarningLevel.valueOf(r.getString(3)), WarningLevel.valueOf(r.getString(4)),
                r.getString(5) == null ? null : WarningLevel.valueOf(r.getString(5)), r.getOffsetDateTime(6),
                r.getOffsetDateTime(7), r.getBoolean(8), r.getBoolean(9), r.getBoolean(10), r.getLong(11),
                r.getString(12), r.getString(13), r.getString(14), r.getOffsetDateTime(15), r.getOffsetDateTime(16));
    }
}
