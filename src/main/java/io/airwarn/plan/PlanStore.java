package io.airwarn.plan;

import io.airwarn.core.AirWarnConfig;
import io.airwarn.core.Chunks;
import io.airwarn.core.WarningLevel;
import io.airwarn.notify.OrderText;
import io.airwarn.notify.Outbox;
import io.airwarn.subscription.Subscribers;
import io.airwarn.subscription.Subscribers.Subscriber;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Plan versions, activations and their orders; orders are written with one array statement per chunk. */
@ApplicationScoped
class PlanStore {

    /**
     * Orders needing acknowledgement get a one-time link token (gen_random_uuid: a strong random source) if $29; $30 is
     * the time of the activation.
     */
    private static final String INSERT_ORDERS = """
            INSERT INTO plan_order (activation_id, unit, recipient_type, recipient_id, recipient_name, mobile, kind,
                level, text, deadline, so2_cut, nox_cut, pm_cut, vocs_cut, supervisor_mobile, message, message_en,
                reminder_message, escalation_message, supervisor_id, supervisor_name, exercise, status,
                hq_mobile, hq_name, needs_ack, ack_window, ack_deadline, ack_token)
            SELECT $1, $2, u.*, $3, CASE WHEN u.kind = 'ALL_CLEAR' THEN 'CLOSED' ELSE 'OPEN' END, $17, $28,
                   a.needs_ack, w.window, $30::timestamptz + w.window,
                   CASE WHEN a.needs_ack AND $29 THEN replace(gen_random_uuid()::text, '-', '') END
            FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
                        $11::timestamptz[], $12::float8[], $13::float8[], $14::float8[], $15::float8[], $16::text[],
                        $22::text[], $23::text[], $24::text[], $25::text[], $26::text[], $27::text[])
                 AS u(recipient_type, recipient_id, recipient_name, mobile, kind, level, text, deadline, so2, nox, pm,
                      vocs, supervisor_mobile, message, message_en, reminder_message, escalation_message,
                      supervisor_id, supervisor_name)
            CROSS JOIN LATERAL (SELECT make_interval(secs => CASE u.level WHEN 'RED' THEN $18::float8
                WHEN 'ORANGE' THEN $19::float8 WHEN 'YELLOW' THEN $20::float8 ELSE $21::float8 END) AS window) w
            CROSS JOIN LATERAL (SELECT u.kind = 'ORDER' AND u.recipient_type <> 'PUBLIC' AND u.mobile IS NOT NULL
                AS needs_ack) a""";

    private final Pool pool;
    private final Outbox outbox;
    private final Subscribers subscribers;
    private final Clock clock;
    private final Duration validity;
    private final AirWarnConfig.Ack ack;
    private final boolean links;

    PlanStore(Pool pool, Outbox outbox, Subscribers subscribers, Clock clock, AirWarnConfig config) {
        this.pool = pool;
        this.outbox = outbox;
        this.subscribers = subscribers;
        this.clock = clock;
        this.validity = config.messageValidity();
        this.ack = config.ack();
        this.links = config.ack().linkBase().isPresent();
    }

    /** The stored version's id (stored now if new). */
    Uni<Long> version(PlanReport report) {
        return pool.preparedQuery("""
                INSERT INTO plan_version (unit, version, checksum, sample) VALUES ($1, $2, $3, $4)
                ON CONFLICT (unit, checksum) DO UPDATE SET version = EXCLUDED.version RETURNING id""")
                .execute(Tuple.of(report.unit(), report.version(), report.checksum(), report.sample()))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** An activation already stored for the same request, or null. */
    Uni<Long> existing(String unit, RulesEngine.Request r) {
        return pool.preparedQuery("SELECT id FROM activation WHERE unit = $1 AND level = $2 AND previous_level = $3 "
                        + "AND response_start = $4 AND exercise = $5")
                .execute(Tuple.of(unit, r.level().name(), r.previousLevel().name(), r.responseStart(), r.exercise()))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getLong(0) : null);
    }

    /**
     * Stores an activation with its orders in the caller's transaction; earlier open orders of the recipients that
     * get a new message are superseded. Returns the new id, or null when the same activation was stored before (then
     * nothing is written).
     */
    Uni<Long> activate(SqlConnection c, String unit, long versionId, RulesEngine.Request r,
                       ActivationService.Initiator initiator, List<Order> orders, Escalation escalation,
                       Function<Order, OrderMessages> messages) {
        return c.preparedQuery("""
                        INSERT INTO activation (unit, plan_version_id, level, previous_level, response_start, exercise,
                                                actor, warning_id, created_at)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                        ON CONFLICT (unit, level, previous_level, response_start, exercise) DO NOTHING RETURNING id""")
                .execute(Tuple.tuple(Arrays.asList(unit, versionId, r.level().name(), r.previousLevel().name(),
                        r.responseStart(), r.exercise(), initiator.actor(), initiator.warningId(),
                        OffsetDateTime.now(clock))))
                .chain(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Uni.createFrom().nullItem();
                    }
                    long id = rows.iterator().next().getLong(0);
                    return supersede(c, unit, r.exercise(), orders)
                            .chain(() -> insert(c, id, unit, r.exercise(), orders, escalation, messages))
                            .chain(() -> queueMessages(c, id, unit)).map(ignored -> id);
                });
    }

    /**
     * Superseded orders are closed, and their messages not yet sent are cancelled: a recipient must not get an order
     * that no longer applies.
     */
    private Uni<Void> supersede(SqlConnection c, String unit, boolean exercise, List<Order> orders) {
        String[] recipients = orders.stream().map(Order::recipientId).toArray(String[]::new);
        // Statements with the ids in between: as one statement (a data-modifying CTE feeding the outbox update)
        // the benchmark's re-activation of 92,896 orders took 40 s instead of about 4.
        return c.preparedQuery("""
                        UPDATE plan_order SET status = 'SUPERSEDED' WHERE unit = $1 AND exercise = $2
                        AND status = 'OPEN' AND recipient_id = ANY($3) RETURNING id""")
                .execute(Tuple.of(unit, exercise, recipients)).chain(rows -> {
                    List<Long> ids = ids(rows);
                    if (ids.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    // Escalations about a superseded order are moot too.
                    return c.preparedQuery("UPDATE plan_order SET status = 'SUPERSEDED' WHERE escalates_order_id = "
                                    + "ANY($1) AND status = 'OPEN' RETURNING id")
                            .execute(Tuple.of(ids.toArray(Long[]::new)))
                            .chain(escalations -> {
                                ids.addAll(ids(escalations));
                                return outbox.cancelForOrders(c, ids, "superseded");
                            });
                });
    }

    private static List<Long> ids(RowSet<Row> rows) {
        List<Long> ids = new ArrayList<>();
        rows.forEach(r -> ids.add(r.getLong(0)));
        return ids;
    }

    /**
     * One message per order with a mobile number, and one per confirmed subscriber for the public message, in the
     * transaction of the orders, each at the priority {@link MessagePriority} gives its level and recipient.
     */
    private Uni<Void> queueMessages(SqlConnection c, long activationId, String unit) {
        return c.preparedQuery("""
                        SELECT id, unit, recipient_type, recipient_id, mobile, message, message_en, short_code,
                               ack_token, level, exercise
                        FROM plan_order WHERE activation_id = $1 AND (mobile IS NOT NULL OR recipient_type = 'PUBLIC')
                        ORDER BY id""")
                .execute(Tuple.of(activationId)).chain(rows -> {
                    List<Row> orders = new ArrayList<>();
                    rows.forEach(orders::add);
                    boolean toPublic = orders.stream().anyMatch(o -> isPublic(o));
                    return (toPublic ? subscribers.active(c, unit) : Uni.createFrom().item(List.<Subscriber>of()))
                            .chain(subscribed -> Chunks.inSequence(messages(orders, subscribed),
                                    chunk -> outbox.enqueueAll(c, chunk)));
                });
    }

    private List<Outbox.Message> messages(List<Row> orders, List<Subscriber> subscribed) {
        List<Outbox.Message> messages = new ArrayList<>();
        for (Row o : orders) {
            long id = o.getLong("id");
            int priority = MessagePriority.of(WarningLevel.valueOf(o.getString("level")),
                    Order.RecipientType.valueOf(o.getString("recipient_type")));
            if (o.getString("mobile") != null) {
                messages.add(new Outbox.Message("order-" + id, id, o.getString("unit"), o.getString("recipient_type"),
                        o.getString("recipient_id"), o.getString("mobile"), OrderText.fill(o.getString("message"),
                        o.getString("short_code"), o.getString("ack_token")), priority, o.getBoolean("exercise"),
                        validity));
            }
            if (isPublic(o)) {
                for (Subscriber s : subscribed) {
                    messages.add(toSubscriber(o, s, validity));
                }
            }
        }
        return messages;
    }

    /**
     * A public order's message to one subscriber, in the subscriber's language. The key is the same whenever it is
     * made, so a subscriber gets each public message once.
     */
    static Outbox.Message toSubscriber(Row publicOrder, Subscriber s, Duration validity) {
        long id = publicOrder.getLong("id");
        return new Outbox.Message("order-" + id + "-subscriber-" + s.id(), id, publicOrder.getString("unit"), "PUBLIC",
                "subscriber-" + s.id(), s.phone(), s.english() ? publicOrder.getString("message_en")
                : publicOrder.getString("message"), MessagePriority.of(WarningLevel.valueOf(publicOrder.getString(
                        "level")), Order.RecipientType.PUBLIC), publicOrder.getBoolean("exercise"), validity);
    }

    private static boolean isPublic(Row order) {
        return Order.RecipientType.PUBLIC.name().equals(order.getString("recipient_type"));
    }

    /** Who hears about an unacknowledged order: the recipient's supervising unit, then the HQ office. */
    record Escalation(Function<Order, Contact> supervisor, Contact hq) {
    }

    /** A unit that escalations go to. */
    record Contact(String id, String name, String mobile) {
    }

    private Uni<Void> insert(SqlConnection c, long activationId, String unit, boolean exercise, List<Order> orders,
                             Escalation escalation, Function<Order, OrderMessages> messages) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return Chunks.inSequence(orders, chunk -> {
            List<OrderMessages> texts = chunk.stream().map(messages).toList();
            Tuple t = Tuple.of(activationId, unit, exercise);
            t.addArrayOfString(column(chunk, o -> o.recipientType().name()));
            t.addArrayOfString(column(chunk, Order::recipientId));
            t.addArrayOfString(column(chunk, Order::recipientName));
            t.addArrayOfString(column(chunk, Order::mobile));
            t.addArrayOfString(column(chunk, o -> o.kind().name()));
            t.addArrayOfString(column(chunk, o -> o.level().name()));
            t.addArrayOfString(column(chunk, Order::text));
            t.addArrayOfOffsetDateTime(chunk.stream().map(Order::deadline).toArray(OffsetDateTime[]::new));
            for (Emissions.Pollutant p : Emissions.Pollutant.values()) {
                t.addArrayOfDouble(chunk.stream().map(o -> o.reduction().get(p)).toArray(Double[]::new));
            }
            t.addArrayOfString(column(chunk, o -> escalation.supervisor().apply(o).mobile()));
            t.addValue(escalation.hq().mobile());
            for (Duration d : List.of(ack.red(), ack.orange(), ack.yellow(), ack.blue())) {
                t.addLong(d.toSeconds());
            }
            t.addArrayOfString(texts.stream().map(OrderMessages::message).toArray(String[]::new));
            t.addArrayOfString(texts.stream().map(OrderMessages::messageEn).toArray(String[]::new));
            t.addArrayOfString(texts.stream().map(OrderMessages::reminder).toArray(String[]::new));
            t.addArrayOfString(texts.stream().map(OrderMessages::escalation).toArray(String[]::new));
            t.addArrayOfString(column(chunk, o -> escalation.supervisor().apply(o).id()));
            t.addArrayOfString(column(chunk, o -> escalation.supervisor().apply(o).name()));
            t.addValue(escalation.hq().name());
            t.addValue(links);
            t.addOffsetDateTime(now);
            return c.preparedQuery(INSERT_ORDERS).execute(t);
        });
    }

    private static String[] column(List<Order> orders, Function<Order, String> value) {
        return orders.stream().map(value).toArray(String[]::new);
    }

    /** Orders of an activation, optionally of one recipient type and status. */
    Uni<List<Row>> orders(long activationId, String type, String status, int limit, int offset) {
        return pool.preparedQuery("""
                SELECT recipient_type, recipient_id, recipient_name, mobile, kind, level, text, deadline, status,
                       so2_cut, nox_cut, pm_cut, vocs_cut, exercise
                FROM plan_order WHERE activation_id = $1 AND ($2::text IS NULL OR recipient_type = $2)
                  AND ($3::text IS NULL OR status = $3)
                ORDER BY id LIMIT $4 OFFSET $5""").execute(Tuple.of(activationId, type, status, limit, offset))
                .map(rows -> {
                    List<Row> list = new ArrayList<>();
                    rows.forEach(list::add);
                    return list;
                });
    }

    /** Per recipient type and kind, how many orders the activations made. */
    Uni<Map<String, Map<String, Long>>> orderCounts(List<Long> activationIds) {
        return pool.preparedQuery("SELECT recipient_type, kind, count(*) FROM plan_order WHERE activation_id = ANY($1) "
                        + "GROUP BY 1, 2").execute(Tuple.of(activationIds.toArray(Long[]::new))).map(rows -> {
                    Map<String, Map<String, Long>> counts = new TreeMap<>();
                    rows.forEach(r -> counts.computeIfAbsent(r.getString(0), k -> new TreeMap<>())
                            .put(r.getString(1), r.getLong(2)));
                    return counts;
                });
    }

    /** The activation's unit, plan version and request, or null. */
    Uni<Row> activation(long id) {
        return pool.preparedQuery("""
                SELECT a.id, a.unit, v.version, v.checksum, a.level, a.previous_level, a.response_start, a.exercise,
                       (SELECT count(*) FROM plan_order o WHERE o.activation_id = a.id), a.actor, a.warning_id
                FROM activation a JOIN plan_version v ON v.id = a.plan_version_id WHERE a.id = $1""")
                .execute(Tuple.of(id)).map(rows -> rows.iterator().hasNext() ? rows.iterator().next() : null);
    }
}
