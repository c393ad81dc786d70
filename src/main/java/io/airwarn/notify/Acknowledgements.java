package io.airwarn.notify;

import io.airwarn.cluster.ScheduledRuns;
import io.airwarn.core.AirWarnConfig;
import io.airwarn.core.BeijingTime;
import io.airwarn.core.Roles;
import io.airwarn.core.WarningLevel;
import io.airwarn.city.Cities;
import io.airwarn.city.City;
import io.airwarn.message.MessageTemplates;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Acknowledgement of orders (SMS reply with the order's short code, the web, a one-time link, the API, or on the
 * recipient's behalf) and escalation of silence: past its deadline an order is sent again and its supervising unit
 * gets an escalation order; past a second deadline the HQ office gets one. Each contact is sent one digest per round
 * for all of them. Escalation orders are acknowledged like any order (or all at once by the digest's code) and are
 * closed when the order they are about is acknowledged. Each step updates the order row before writing anything, so with
 * several nodes each fires once.
 */
@ApplicationScoped
public class Acknowledgements {

    /** An order's code ("A1F3"), or an escalation digest's ("D2C"), which stands for all the orders it announced. */
    static final Pattern SHORT_CODE = Pattern.compile("[AD][0-9A-F]+");

    /**
     * One order and its acknowledgement: {@code escalationLevel} 1 once its supervisor was alerted, 2 once the HQ
     * office was; {@code escalates} is, for an escalation order, the code of the order it is about.
     */
    public record Status(String code, String unit, String recipientType, String recipientId, String recipientName,
                         String kind, String level, String text, String deadline, String status, boolean exercise,
                         boolean needsAck, String ackDeadline, String acknowledgedAt, String acknowledgedBy,
                         String channel, int escalationLevel, String escalates, String measuresInPlaceAt,
                         String measuresNote) {
    }

    /** Whose orders a caller may see and acknowledge; null fields do not restrict. */
    public record Scope(String phone, String unit, String recipientId) {
        public static final Scope ANY = new Scope(null, null, null);

        public static Scope phone(String phone) {
            return new Scope(phone, null, null);
        }

        public static Scope recipient(String unit, String recipientId) {
            return new Scope(null, unit, recipientId);
        }

        /**
         * Staff act on any order; a recipient user only on its recipient's (one without a recipient, never created
         * so, on none).
         */
        public static Scope of(SecurityIdentity identity) {
            if (identity.getRoles().stream().noneMatch(Roles.RECIPIENTS::contains)) {
                return ANY;
            }
            String unit = identity.getAttribute(Roles.RECIPIENT_UNIT);
            String id = identity.getAttribute(Roles.RECIPIENT_ID);
            return unit == null || id == null ? recipient("", "") : recipient(unit, id);
        }
    }

    /**
     * An escalation step: orders silent past their deadline ($1) at escalation level {@code from} move to the next
     * level; each gets an escalation order addressed to the contact (supervisor or HQ), and each contact one digest
     * of its silent orders for this round, whose code acknowledges all of them. The first step also resends the
     * order itself. Returns the resends, then the digests, as rows of the same shape.
     */
    private static String escalation(int from, String recipientType, String contact, String contactId,
                                     boolean resend) {
        return """
                WITH due AS (
                    UPDATE plan_order SET escalation_level = %1$d + 1, ack_deadline = $1::timestamptz + ack_window
                    WHERE needs_ack AND acknowledged_at IS NULL AND status = 'OPEN' AND escalation_level = %1$d
                      AND escalates_order_id IS NULL AND ack_deadline < $1::timestamptz
                    RETURNING *, coalesce(%5$s, '%2$s') AS contact_id, coalesce(%3$s_name, '%2$s') AS contact_name,
                              %3$s_mobile AS contact_mobile),
                digest AS (
                    INSERT INTO escalation_digest (unit, recipient_type, recipient_id, recipient_name, mobile, level,
                        exercise, enterprises, schools, units, created_at)
                    SELECT unit, '%2$s', contact_id, contact_name, contact_mobile, level, exercise,
                           count(*) FILTER (WHERE recipient_type = 'ENTERPRISE'),
                           count(*) FILTER (WHERE recipient_type = 'SCHOOL'),
                           count(*) FILTER (WHERE recipient_type NOT IN ('ENTERPRISE', 'SCHOOL')), $1::timestamptz
                    FROM due WHERE contact_mobile IS NOT NULL
                    GROUP BY unit, contact_id, contact_name, contact_mobile, level, exercise
                    RETURNING *),
                escalation AS (
                    INSERT INTO plan_order (activation_id, unit, recipient_type, recipient_id, recipient_name, mobile,
                        kind, level, text, deadline, so2_cut, nox_cut, pm_cut, vocs_cut, exercise, status, needs_ack,
                        ack_window, ack_deadline, escalates_order_id, digest_id)
                    SELECT o.activation_id, o.unit, '%2$s', d.recipient_id, d.recipient_name, d.mobile, 'ESCALATION',
                           o.level, replace(replace(o.escalation_message, '%%ORDER%%', o.short_code), '%%CODE%%',
                           d.code), $1::timestamptz + o.ack_window, 0, 0, 0, 0, o.exercise, 'OPEN', true,
                           o.ack_window, $1::timestamptz + o.ack_window, o.id, d.id
                    FROM due o JOIN digest d ON d.unit = o.unit AND d.recipient_id = o.contact_id
                        AND d.recipient_name = o.contact_name AND d.mobile = o.contact_mobile AND d.level = o.level
                        AND d.exercise = o.exercise
                    RETURNING id)
                SELECT 'order-' || id || '-resend', id, unit, recipient_type, recipient_id, mobile, reminder_message,
                       short_code, ack_token, exercise, level, recipient_name, 0, 0, 0
                FROM due WHERE %4$s
                UNION ALL
                SELECT 'digest-' || id, NULL, unit, recipient_type, recipient_id, mobile, NULL, code, NULL, exercise,
                       level, recipient_name, enterprises, schools, units
                FROM digest""".formatted(from, recipientType, contact, resend, contactId);
    }

    private static final String FIRST_ESCALATION = escalation(0, "SUPERVISOR", "supervisor", "supervisor_id",
            true);
    private static final String SECOND_ESCALATION = escalation(1, "HQ", "hq", "'HQ'", false);
    /** Resends and digests go out before any new order. */
    private static final int ESCALATION_PRIORITY = 0;

    private final Pool pool;
    private final Outbox outbox;
    private final ScheduledRuns runs;
    private final Clock clock;
    private final MessageTemplates templates;
    private final Cities cities;
    /** How long the resends and digests may still be sent: AIRWARN_MESSAGE_VALIDITY, as for orders. */
    private final Duration messageValidity;
    private final OrderMeters meters;

    Acknowledgements(Pool pool, Outbox outbox, AirWarnConfig config, ScheduledRuns runs, Clock clock,
                     MessageTemplates templates, Cities cities, OrderMeters meters) {
        this.pool = pool;
        this.meters = meters;
        this.outbox = outbox;
        this.runs = runs;
        this.clock = clock;
        this.templates = templates;
        this.cities = cities;
        this.messageValidity = config.messageValidity();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    @Scheduled(identity = ScheduledRuns.ESCALATION_JOB, every = "{airwarn.escalation-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run(ScheduledExecution execution) {
        runs.run(ScheduledRuns.ESCALATION_JOB, execution, () -> escalate().map(n -> {
            if (n > 0) {
                Log.warnf("%d escalation message(s) queued for unacknowledged orders", n);
            }
            return n + " escalation message(s) queued";
        }));
    }

    /** Runs both escalation steps; returns how many messages they queued. */
    public Uni<Integer> escalate() {
        Tuple now = Tuple.of(now());
        List<Row> digests = new ArrayList<>();
        return pool.withTransaction(c -> c.preparedQuery(FIRST_ESCALATION).execute(now)
                .chain(first -> c.preparedQuery(SECOND_ESCALATION).execute(now).map(second -> {
                    List<Outbox.Message> messages = new ArrayList<>();
                    for (RowSet<Row> step : List.of(first, second)) {
                        step.forEach(r -> {
                            messages.add(message(r));
                            if (r.getString(6) == null) {
                                digests.add(r);
                            }
                        });
                    }
                    return messages;
                }))
                .chain(messages -> outbox.enqueueAll(c, messages).replaceWith(messages.size())))
                .invoke(() -> digests.forEach(d -> meters.escalated(d.getString(3), d.getString(10),
                        d.getInteger(12) + d.getInteger(13) + d.getInteger(14))));
    }

    /** A resend (the order's own reminder) or a digest (rendered here: it counts what the round found). */
    private Outbox.Message message(Row r) {
        String body = r.getString(6) != null ? OrderText.fill(r.getString(6), r.getString(7), r.getString(8))
                : templates.render(MessageTemplates.DEFAULT_LANGUAGE, new MessageTemplates.Digest(
                        cities.find(r.getString(2)).map(City::nameZh).orElse(r.getString(2)),
                        WarningLevel.valueOf(r.getString(10)), r.getString(11), r.getInteger(12), r.getInteger(13),
                        r.getInteger(14), r.getString(7), r.getBoolean(9)));
        return new Outbox.Message(r.getString(0), r.getLong(1), r.getString(2), r.getString(3), r.getString(4),
                r.getString(5), body, ESCALATION_PRIORITY, r.getBoolean(9), messageValidity);
    }

    /**
     * Acknowledges by short code. Staff may acknowledge any order ({@link Scope#ANY}); an SMS reply only an order sent
     * to its number; a web user only its own recipient's orders. Repeating it changes nothing.
     */
    public Uni<Optional<Status>> acknowledge(String code, String by, String channel, Scope scope) {
        String normalised = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
        if (!SHORT_CODE.matcher(normalised).matches()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return acknowledge("(short_code = $1 OR digest_id = (SELECT id FROM escalation_digest WHERE code = $1)) "
                + "AND ($4::text IS NULL OR mobile = $4) AND ($5::text IS NULL OR unit = $5 AND recipient_id = $6)",
                Tuple.from(Arrays.asList(normalised, by, channel, scope.phone(), scope.unit(), scope.recipientId())))
                .chain(found -> found ? status(normalised, scope) : Uni.createFrom().item(Optional.empty()));
    }

    /** Acknowledges through a one-time link: once, and only while the order applies. Returns its code if it did. */
    public Uni<Optional<String>> acknowledgeByLink(String token) {
        return acknowledge("ack_token = $1 AND acknowledged_at IS NULL AND status = 'OPEN'",
                Tuple.of(token, "one-time link", "LINK"))
                .chain(found -> found ? byLink(token).map(s -> s.map(Status::code))
                        : Uni.createFrom().item(Optional.empty()));
    }

    /**
     * The recipient reports its measures in place (acknowledging the order too, if it was not yet). Only its own
     * orders, only while they apply; the note is kept to 500 characters.
     */
    public Uni<Optional<Status>> reportMeasures(String code, String by, Scope scope, String note) {
        String normalised = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
        if (!SHORT_CODE.matcher(normalised).matches()) {
            return Uni.createFrom().item(Optional.empty());
        }
        String trimmed = note == null || note.isBlank() ? null : note.strip();
        String kept = trimmed != null && trimmed.length() > 500 ? trimmed.substring(0, 500) : trimmed;
        return acknowledge("short_code = $1 AND status = 'OPEN' AND unit = $4 AND recipient_id = $5",
                Tuple.from(Arrays.asList(normalised, by, "WEB", scope.unit(), scope.recipientId())))
                .chain(found -> !found ? Uni.createFrom().item(Optional.<Status>empty())
                        : pool.preparedQuery("UPDATE plan_order SET measures_in_place_at = coalesce("
                                + "measures_in_place_at, $3), measures_note = coalesce($2, measures_note) "
                                + "WHERE short_code = $1").execute(Tuple.of(normalised, kept, now()))
                        .chain(() -> status(normalised, scope)));
    }

    private Uni<Boolean> acknowledge(String condition, Tuple params) {
        return count(condition, params).map(n -> n > 0);
    }

    /** Acknowledging an order also closes the escalations about it: there is nothing left to follow up. */
    private Uni<Long> count(String condition, Tuple params) {
        OffsetDateTime now = now();
        String channel = params.getString(2);
        return pool.preparedQuery("""
                WITH acked AS (
                    UPDATE plan_order SET acknowledged_at = coalesce(acknowledged_at, $%1$d),
                           acknowledged_by = coalesce(acknowledged_by, $2), ack_channel = coalesce(ack_channel, $3)
                    WHERE needs_ack AND %2$s RETURNING id, recipient_type, acknowledged_at = $%1$d AS fresh),
                closed AS (
                    UPDATE plan_order SET status = 'CLOSED'
                    WHERE escalates_order_id IN (SELECT id FROM acked) AND status = 'OPEN')
                SELECT recipient_type, count(*), count(*) FILTER (WHERE fresh) FROM acked GROUP BY 1"""
                .formatted(params.size() + 1, condition))
                .execute(params.addOffsetDateTime(now)).map(rows -> {
                    long matched = 0;
                    for (Row r : rows) {
                        matched += r.getLong(1);
                        meters.acknowledged(r.getString(0), channel, r.getLong(2));
                    }
                    return matched;
                });
    }

    /**
     * Acknowledges orders on their recipients' behalf, as the supervisor who chased them up (or staff) reports:
     * staff any order, a supervising unit only orders it was sent escalations about. Returns how many it acknowledged
     * (those already acknowledged, closed or out of scope are left as they are).
     */
    public Uni<Integer> acknowledgeOnBehalf(List<String> codes, String by, Scope scope) {
        String[] normalised = codes.stream().map(c -> c == null ? "" : c.trim().toUpperCase(Locale.ROOT))
                .filter(c -> SHORT_CODE.matcher(c).matches()).distinct().toArray(String[]::new);
        if (normalised.length == 0) {
            return Uni.createFrom().item(0);
        }
        return count("""
                short_code = ANY($1) AND acknowledged_at IS NULL AND status = 'OPEN' AND escalates_order_id IS NULL
                  AND ($4::text IS NULL OR EXISTS (SELECT 1 FROM plan_order e WHERE e.escalates_order_id = plan_order.id
                       AND e.unit = $4 AND e.recipient_id = $5))""",
                Tuple.from(Arrays.asList(normalised, by, "ON_BEHALF", scope.unit(),
                        scope.recipientId()))).map(Long::intValue);
    }

    /** An order by its short code (a digest's code: its first escalation), if the scope may see it. */
    public Uni<Optional<Status>> status(String code, Scope scope) {
        return find("(o.short_code = $1 OR o.digest_id = (SELECT id FROM escalation_digest WHERE code = $1)) "
                + "AND ($2::text IS NULL OR o.unit = $2 AND o.recipient_id = $3) ORDER BY o.id LIMIT 1",
                Tuple.of(code.trim().toUpperCase(Locale.ROOT), scope.unit(), scope.recipientId()));
    }

    /**
     * A recipient's own orders, newest first, without the escalations addressed to it ({@link #escalationsTo}).
     */
    public Uni<List<Status>> ownOrders(Scope scope, int limit) {
        return list("o.unit = $1 AND o.recipient_id = $2 AND o.escalates_order_id IS NULL ORDER BY o.id DESC LIMIT $3",
                Tuple.of(scope.unit(), scope.recipientId(), limit));
    }

    /**
     * The orders a supervising unit was sent escalations about that are still unacknowledged and apply, oldest
     * escalation first: the list it chases up and may acknowledge for.
     */
    public Uni<List<Status>> silentOrdersEscalatedTo(Scope scope, int limit) {
        return list("""
                o.acknowledged_at IS NULL AND o.status = 'OPEN' AND o.id IN (SELECT e.escalates_order_id
                  FROM plan_order e WHERE e.unit = $1 AND e.recipient_id = $2 AND e.status = 'OPEN')
                ORDER BY o.recipient_type, o.recipient_name LIMIT $3""",
                Tuple.of(scope.unit(), scope.recipientId(), limit));
    }

    /** The order a one-time link belongs to. */
    public Uni<Optional<Status>> byLink(String token) {
        return find("o.ack_token = $1", Tuple.of(token));
    }

    /** A recipient's orders, newest first. */
    public Uni<List<Status>> orders(Scope scope, int limit) {
        return list("o.unit = $1 AND o.recipient_id = $2 ORDER BY o.id DESC LIMIT $3",
                Tuple.of(scope.unit(), scope.recipientId(), limit));
    }

    /** Which of a warning's orders a duty officer looks at. */
    public enum Show {
        ALL,
        /** Not acknowledged and still applying. */
        UNACKNOWLEDGED,
        /** Not acknowledged past the deadline, or already escalated for it (a resend moves the deadline on). */
        OVERDUE
    }

    /**
     * What to find among a warning's orders: recipient name, id or code containing {@code text} (null: any), of one
     * recipient type (null: any).
     */
    public record Filter(String text, Show show, String recipientType) {
        public Filter {
            text = text == null || text.isBlank() ? null : text.trim();
            show = show == null ? Show.ALL : show;
            recipientType = recipientType == null || recipientType.isBlank() ? null : recipientType;
        }
    }

    /** A page of orders and how many match in all. */
    public record Page(List<Status> orders, long total, int offset, int limit) {
        public boolean hasNext() {
            return offset + orders.size() < total;
        }

        public boolean hasPrevious() {
            return offset > 0;
        }

        public int nextOffset() {
            return offset + limit;
        }

        public int previousOffset() {
            return Math.max(0, offset - limit);
        }
    }

    private static final String MATCHES = """
            o.activation_id = ANY($1) AND o.needs_ack
              AND ($2::text IS NULL OR o.recipient_name ILIKE '%' || $2 || '%' OR o.recipient_id ILIKE $2 || '%'
                   OR o.short_code = upper($2))
              AND ($3 = 'ALL' OR o.acknowledged_at IS NULL AND o.status = 'OPEN'
                   AND ($3 = 'UNACKNOWLEDGED' OR o.ack_deadline < $5 OR o.escalation_level > 0))
              AND ($4::text IS NULL OR o.recipient_type = $4)""";

    /**
     * Orders of some activations needing acknowledgement (escalation orders included) that match the filter, overdue
     * first, a page at a time.
     */
    public Uni<Page> search(List<Long> activationIds, Filter f, int offset, int limit) {
        Tuple params = Tuple.from(Arrays.asList(activationIds.toArray(Long[]::new), f.text(), f.show().name(),
                f.recipientType(), now()));
        Uni<Long> total = pool.preparedQuery("SELECT count(*) FROM plan_order o WHERE " + MATCHES).execute(params)
                .map(rows -> rows.iterator().next().getLong(0));
        Uni<List<Status>> page = list(MATCHES + """
                 ORDER BY (o.acknowledged_at IS NULL AND o.status = 'OPEN'
                           AND (o.ack_deadline < $5 OR o.escalation_level > 0)) DESC, o.id
                LIMIT $6 OFFSET $7""", Tuple.from(Arrays.asList(activationIds.toArray(Long[]::new), f.text(),
                f.show().name(), f.recipientType(), now(), limit, offset)));
        return Uni.combine().all().unis(page, total).asTuple()
                .map(t -> new Page(t.getItem1(), t.getItem2(), offset, limit));
    }

    private Uni<Optional<Status>> find(String condition, Tuple params) {
        return list(condition, params).map(list -> list.stream().findFirst());
    }

    private Uni<List<Status>> list(String condition, Tuple params) {
        return pool.preparedQuery("""
                SELECT o.short_code, o.unit, o.recipient_type, o.recipient_id, o.recipient_name, o.kind, o.level,
                       o.text, o.deadline, o.status, o.exercise, o.needs_ack, o.ack_deadline, o.acknowledged_at,
                       o.acknowledged_by, o.ack_channel, o.escalation_level, e.short_code, o.measures_in_place_at,
                       o.measures_note
                FROM plan_order o LEFT JOIN plan_order e ON e.id = o.escalates_order_id
                WHERE """ + " " + condition).execute(params).map(rows -> {
                    List<Status> list = new ArrayList<>();
                    rows.forEach(r -> list.add(new Status(r.getString(0), r.getString(1), r.getString(2),
                            r.getString(3), r.getString(4), r.getString(5), r.getString(6), r.getString(7),
                            text(r.getOffsetDateTime(8)), r.getString(9), r.getBoolean(10), r.getBoolean(11),
                            text(r.getOffsetDateTime(12)), text(r.getOffsetDateTime(13)), r.getString(14),
                            r.getString(15), r.getInteger(16), r.getString(17), text(r.getOffsetDateTime(18)),
                            r.getString(19))));
                    return list;
                });
    }

    private static String text(OffsetDateTime t) {
        return t == null ? null : BeijingTime.withOffset(t);
    }
}
