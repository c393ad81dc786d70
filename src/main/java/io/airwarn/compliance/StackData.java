package io.airwarn.compliance;

import io.airwarn.compliance.Curtailment.StackHour;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The stacks' values as stored (tables stack_hour, stack_minute) and what each device last did. Writes take whole
 * batches of frames in one transaction; a value sent again (a device's resend or back-fill) replaces the one stored.
 */
@ApplicationScoped
public class StackData {

    /** One value of one frame: hourly when {@code minute} is false. */
    public record Value(String mn, String pollutant, OffsetDateTime at, boolean minute, Double avg, Double zsAvg,
                        Double cou, String flag) {
    }

    /** A device's record: when it last sent, how many frames it sent and had refused, and the last refusal. */
    public record DeviceStatus(String mn, OffsetDateTime lastFrameAt, long frames, long refused, String lastRefusal) {
    }

    /** A device that no plan names. */
    public record UnknownDevice(String mn, String remote, OffsetDateTime firstSeen, OffsetDateTime lastSeen,
                                long frames) {
    }

    static final int MAX_UNKNOWN = 1000;
    private static final int BASELINE_FETCH = 2_000;
    /** Normal minutes an hour needs to be a valid hour. */
    static final int VALID_MINUTES = 45;

    private final Pool pool;
    /** Moves on with every write of stack data or findings on this node: cached verdicts older are stale. */
    private final AtomicLong version = new AtomicLong();

    StackData(Pool pool) {
        this.pool = pool;
    }

    long version() {
        return version.get();
    }

    void changed() {
        version.incrementAndGet();
    }

    /** Stores the values of many frames and counts each device's frames, in one transaction. */
    public Uni<Void> write(List<Value> values, Map<String, Long> framesByDevice, OffsetDateTime now) {
        Map<String, Value> hours = new LinkedHashMap<>();
        Map<String, Value> minutes = new LinkedHashMap<>();
        // One row per key and statement: PostgreSQL refuses to update a row twice in one INSERT ... ON CONFLICT.
        values.forEach(v -> (v.minute() ? minutes : hours).put(v.mn() + '|' + v.pollutant() + '|' + v.at(), v));
        return pool.withTransaction(c -> c.preparedQuery("""
                        INSERT INTO stack_hour (mn, pollutant, hour, avg, zs_avg, cou, flag, received_at)
                        SELECT *, $8::timestamptz FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::float8[],
                                                              $5::float8[], $6::float8[], $7::text[])
                        ON CONFLICT (mn, pollutant, hour) DO UPDATE SET avg = excluded.avg, zs_avg = excluded.zs_avg,
                            cou = excluded.cou, flag = excluded.flag, received_at = excluded.received_at""")
                .execute(values(hours.values(), now))
                .chain(() -> c.preparedQuery("""
                        INSERT INTO stack_minute (mn, pollutant, minute, avg, flag, received_at)
                        SELECT m, p, t, a, f, $8::timestamptz FROM unnest($1::text[], $2::text[], $3::timestamptz[],
                            $4::float8[], $5::float8[], $6::float8[], $7::text[]) AS u(m, p, t, a, z, c, f)
                        ON CONFLICT (mn, pollutant, minute) DO UPDATE SET avg = excluded.avg, flag = excluded.flag,
                            received_at = excluded.received_at""").execute(values(minutes.values(), now)))
                .chain(() -> c.preparedQuery("""
                        INSERT INTO stack_device_status (mn, last_frame_at, frames)
                        SELECT u.mn, $3::timestamptz, u.n FROM unnest($1::text[], $2::bigint[]) AS u(mn, n)
                        ON CONFLICT (mn) DO UPDATE SET last_frame_at = excluded.last_frame_at,
                            frames = stack_device_status.frames + excluded.frames""")
                        .execute(Tuple.of(framesByDevice.keySet().toArray(String[]::new),
                                framesByDevice.values().toArray(Long[]::new), now)))
                .replaceWithVoid()).invoke(this::changed);
    }

    private static Tuple values(Collection<Value> values, OffsetDateTime now) {
        return Tuple.from(List.of(values.stream().map(Value::mn).toArray(String[]::new),
                values.stream().map(Value::pollutant).toArray(String[]::new),
                values.stream().map(Value::at).toArray(OffsetDateTime[]::new),
                values.stream().map(Value::avg).toArray(Double[]::new),
                values.stream().map(Value::zsAvg).toArray(Double[]::new),
                values.stream().map(Value::cou).toArray(Double[]::new),
                values.stream().map(Value::flag).toArray(String[]::new), now));
    }

    /** A registered device had {@code frames} frames refused (bad password, malformed content). */
    public Uni<Void> refused(String mn, long frames, String reason) {
        return pool.preparedQuery("""
                INSERT INTO stack_device_status (mn, refused, last_refusal) VALUES ($1, $2, $3)
                ON CONFLICT (mn) DO UPDATE SET refused = stack_device_status.refused + $2, last_refusal = $3""")
                .execute(Tuple.of(mn, frames, reason)).replaceWithVoid();
    }

    /**
     * {@code frames} frames came from a device no plan names. At most {@link #MAX_UNKNOWN} such devices are listed:
     * a sender making up numbers must not fill the database.
     */
    public Uni<Void> unknown(String mn, String remote, long frames, OffsetDateTime now) {
        return pool.preparedQuery("""
                INSERT INTO stack_unknown_device (mn, remote, first_seen, last_seen, frames)
                SELECT $1, $2, $3, $3, $4 WHERE EXISTS (SELECT 1 FROM stack_unknown_device WHERE mn = $1)
                    OR (SELECT count(*) FROM stack_unknown_device) < $5
                ON CONFLICT (mn) DO UPDATE SET remote = $2, last_seen = $3,
                    frames = stack_unknown_device.frames + $4""")
                .execute(Tuple.from(List.of(mn, remote, now, frames, MAX_UNKNOWN))).replaceWithVoid();
    }

    /**
     * The stacks' baseline over [from, to), hours for which {@code skip} holds left out. Streamed a stack at a time
     * through a cursor: a large unit's two weeks are millions of values, more than a node's heap.
     */
    public Uni<Curtailment.Baseline> baseline(List<String> mns, OffsetDateTime from, OffsetDateTime to,
                                              Predicate<Instant> skip) {
        Curtailment.Baseline baseline = new Curtailment.Baseline();
        List<StackHour> stack = new ArrayList<>();
        return pool.withTransaction(c -> c.prepare("""
                        SELECT mn, pollutant, hour, avg, cou, flag FROM stack_hour
                        WHERE mn = ANY($1) AND hour >= $2 AND hour < $3 ORDER BY mn""")
                .chain(statement -> statement.createStream(BASELINE_FETCH,
                                Tuple.of(mns.toArray(String[]::new), from, to)).toMulti()
                        .onItem().invoke(r -> {
                            StackHour h = new StackHour(r.getString(0), r.getString(1),
                                    r.getOffsetDateTime(2).toInstant(), r.getDouble(3), r.getDouble(4), r.getString(5));
                            if (!stack.isEmpty() && !stack.get(0).mn().equals(h.mn())) {
                                baseline.add(stack);
                                stack.clear();
                            }
                            if (!skip.test(h.hour())) {
                                stack.add(h);
                            }
                        })
                        .collect().last()))
                .map(ignored -> {
                    baseline.add(stack);
                    return baseline;
                });
    }

    /** The hourly values of these stacks in [from, to). */
    public Uni<List<StackHour>> hours(List<String> mns, OffsetDateTime from, OffsetDateTime to) {
        return pool.preparedQuery("""
                SELECT mn, pollutant, hour, avg, cou, flag FROM stack_hour
                WHERE mn = ANY($1) AND hour >= $2 AND hour < $3""")
                .execute(Tuple.of(mns.toArray(String[]::new), from, to)).map(rows -> {
                    List<StackHour> list = new ArrayList<>();
                    for (Row r : rows) {
                        list.add(new StackHour(r.getString(0), r.getString(1), r.getOffsetDateTime(2).toInstant(),
                                r.getDouble(3), r.getDouble(4), r.getString(5)));
                    }
                    return list;
                });
    }

    public Uni<Map<String, DeviceStatus>> status(List<String> mns) {
        return pool.preparedQuery("SELECT mn, last_frame_at, frames, refused, last_refusal FROM stack_device_status "
                + "WHERE mn = ANY($1)").execute(Tuple.of(mns.toArray(String[]::new))).map(rows -> {
                    Map<String, DeviceStatus> map = new LinkedHashMap<>();
                    rows.forEach(r -> map.put(r.getString(0), new DeviceStatus(r.getString(0),
                            r.getOffsetDateTime(1), r.getLong(2), r.getLong(3), r.getString(4))));
                    return map;
                });
    }

    public Uni<List<UnknownDevice>> unknownDevices() {
        return pool.query("SELECT mn, remote, first_seen, last_seen, frames FROM stack_unknown_device "
                + "ORDER BY last_seen DESC LIMIT 500").execute().map(rows -> {
                    List<UnknownDevice> list = new ArrayList<>();
                    rows.forEach(r -> list.add(new UnknownDevice(r.getString(0), r.getString(1),
                            r.getOffsetDateTime(2), r.getOffsetDateTime(3), r.getLong(4))));
                    return list;
                });
    }

    /**
     * Hours from minute values (CN 2051) where a device sent no hour (2061) for them: the mean of the normal
     * minutes, flagged N when at least {@link #VALID_MINUTES} of the hour's minutes are normal (HJ 212-2017
     * appendix C), else D, which is no evidence. Only whole hours in [from, before the current hour); an hour sent
     * later by the device replaces the derived one. Returns how many values it made.
     */
    public Uni<Integer> hoursFromMinutes(OffsetDateTime from, OffsetDateTime now) {
        return pool.preparedQuery("""
                INSERT INTO stack_hour (mn, pollutant, hour, avg, flag, received_at)
                SELECT mn, pollutant, date_trunc('hour', minute), avg(avg) FILTER (WHERE flag = 'N'),
                       CASE WHEN count(*) FILTER (WHERE flag = 'N' AND avg IS NOT NULL) >= $3 THEN 'N' ELSE 'D' END, $2
                FROM stack_minute WHERE minute >= $1 AND minute < date_trunc('hour', $2::timestamptz)
                GROUP BY mn, pollutant, date_trunc('hour', minute)
                ON CONFLICT (mn, pollutant, hour) DO NOTHING""").execute(Tuple.of(from, now, VALID_MINUTES))
                .map(rows -> rows.rowCount()).invoke(n -> {
                    if (n > 0) {
                        changed();
                    }
                });
    }

    /** Drops minute values received before {@code before}; returns how many. */
    public Uni<Integer> pruneMinutes(OffsetDateTime before) {
        return pool.preparedQuery("DELETE FROM stack_minute WHERE received_at < $1")
                .execute(Tuple.of(before.withOffsetSameInstant(ZoneOffset.UTC))).map(rows -> rows.rowCount());
    }
}
