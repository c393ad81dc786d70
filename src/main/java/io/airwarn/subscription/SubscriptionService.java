package io.airwarn.subscription;

import io.airwarn.city.Cities;
import io.airwarn.city.City;
import io.airwarn.core.AirWarnConfig;
import io.airwarn.core.ApiException;
import io.airwarn.core.Digests;
import io.airwarn.core.MobileNumbers;
import io.airwarn.notify.NumberUnsubscribed;
import io.airwarn.notify.Outbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Public SMS subscriptions: a confirmation code goes out through the outbox at once; only confirmed, not opted-out
 * numbers receive warnings. Rate limits per number and per client keep the form from being used to flood a
 * stranger's phone.
 */
@ApplicationScoped
public class SubscriptionService {

    static final Set<String> LANGUAGES = Set.of("zh-CN", "en");
    static final Set<String> STOP_WORDS = Set.of("STOP", "TD", "退订", "UNSUBSCRIBE");
    static final int CODES_PER_NUMBER_PER_HOUR = 3;
    static final int CODES_PER_CLIENT_PER_HOUR = 10;
    static final int MAX_CODE_ATTEMPTS = 5;
    static final int CONFIRMATIONS_PER_CLIENT_PER_HOUR = 20;
    /** The one answer to an unknown number, a wrong code and an expired one: none tells which numbers subscribed. */
    static final String NOT_CONFIRMED = "the code does not match, or has expired; ask for a new one";
    private static final int CODE_PRIORITY = 5;
    private static final Duration CODE_VALIDITY = Duration.ofMinutes(15);

    private static final Duration RATE_WINDOW = Duration.ofHours(1);

    private final Pool pool;
    private final Outbox outbox;
    private final Event<SubscriberConfirmed> confirmed;
    private final Cities cities;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Set<Integer> countries;
    private final SubscriptionMeters meters;

    SubscriptionService(Pool pool, Outbox outbox, Cities cities, Clock clock, AirWarnConfig config,
                        Event<SubscriberConfirmed> confirmed, SubscriptionMeters meters) {
        this.meters = meters;
        this.confirmed = confirmed;
        this.pool = pool;
        this.cities = cities;
        this.outbox = outbox;
        this.clock = clock;
        this.countries = Set.copyOf(config.subscriptionCountries());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /** What a request did. */
    public record Result(String phone, String unit, String status, String message) {
    }

    /** Starts (or restarts) a subscription and sends its confirmation code. */
    public Uni<Result> subscribe(String phone, String unit, String language, String client) {
        checkPhone(phone);
        String lang = language == null ? "zh-CN" : language;
        if (!LANGUAGES.contains(lang)) {
            throw ApiException.badRequest("invalid_request", "language must be one of " + LANGUAGES);
        }
        String code = code();
        return pool.withTransaction(c -> rateLimit(c, phone, client).chain(() -> c.preparedQuery("""
                        INSERT INTO subscription (phone, unit, language, status, code_hash, code_purpose, code_expires)
                        VALUES ($1, $2, $3, 'PENDING', $4, 'SUBSCRIBE', $5)
                        ON CONFLICT (phone, unit) DO UPDATE SET language = EXCLUDED.language,
                            status = CASE WHEN subscription.status = 'ACTIVE' THEN 'ACTIVE' ELSE 'PENDING' END,
                            code_hash = EXCLUDED.code_hash, code_purpose = 'SUBSCRIBE', code_expires = EXCLUDED.code_expires,
                            code_attempts = 0
                        RETURNING id, status""")
                .execute(Tuple.of(phone, unit, lang, hash(phone, code), now().plus(CODE_VALIDITY))))
                .chain(rows -> {
                    long id = rows.iterator().next().getLong(0);
                    City city = cities.find(unit).orElseThrow();
                    String text = lang.equals("en")
                            ? "AirWarn: your code is " + code + ". Confirm it to receive heavy-pollution warnings for "
                                    + city.nameEn() + ". Reply STOP to opt out."
                            : "【AirWarn】您的验证码是" + code + "，确认后接收" + city.nameZh() + "重污染天气预警。回复TD退订。";
                    return queue(c, "subscription-" + id + "-" + code, unit, phone, text)
                            .map(ignored -> new Result(phone, unit, rows.iterator().next().getString(1),
                                    "a confirmation code was sent by SMS"));
                }));
    }

    public Uni<Result> confirm(String phone, String unit, String code, String client) {
        return checkCode(phone, unit, code, "SUBSCRIBE", "ACTIVE", "confirmed_at", client)
                .call(result -> !"ACTIVE".equals(result.status()) ? Uni.createFrom().voidItem()
                        : pool.preparedQuery("SELECT id, language FROM subscription WHERE phone = $1 AND unit = $2")
                        .execute(Tuple.of(phone, unit)).invoke(rows -> rows.forEach(r -> confirmed.fireAsync(
                                new SubscriberConfirmed(r.getLong(0), phone, unit, "en".equals(r.getString(1)))))));
    }

    /** Starts a web opt-out: a code is sent to the number, so nobody can stop a stranger's warnings. */
    public Uni<Result> requestOptOut(String phone, String unit, String client) {
        checkPhone(phone);
        String code = code();
        return pool.withTransaction(c -> rateLimit(c, phone, client).chain(() -> c.preparedQuery("""
                        UPDATE subscription SET code_hash = $3, code_purpose = 'OPT_OUT', code_attempts = 0,
                            code_expires = $4
                        WHERE phone = $1 AND unit = $2 AND status <> 'OPTED_OUT' RETURNING id""")
                .execute(Tuple.of(phone, unit, hash(phone, code), now().plus(CODE_VALIDITY))))
                .chain(rows -> {
                    if (!rows.iterator().hasNext()) {
                        throw ApiException.notFound("no_subscription", "no subscription of this number to " + unit);
                    }
                    long id = rows.iterator().next().getLong(0);
                    return queue(c, "opt-out-" + id + "-" + code, unit, phone,
                            "【AirWarn】退订验证码 / opt-out code: " + code)
                            .map(ignored -> new Result(phone, unit, "PENDING_OPT_OUT", "an opt-out code was sent by SMS"));
                }));
    }

    public Uni<Result> confirmOptOut(String phone, String unit, String code, String client) {
        return checkCode(phone, unit, code, "OPT_OUT", "OPTED_OUT", "opted_out_at", client)
                .invoke(r -> meters.optedOut("WEB", "OPTED_OUT".equals(r.status()) ? 1 : 0));
    }

    /** STOP, TD or 退订 from a number, or Twilio's 21610: every subscription of the number ends. */
    public Uni<Integer> optOutEverywhere(String phone) {
        return pool.preparedQuery("UPDATE subscription SET status = 'OPTED_OUT', opted_out_at = $2 "
                + "WHERE phone = $1 AND status <> 'OPTED_OUT'").execute(Tuple.of(phone, now()))
                .map(rows -> rows.rowCount()).invoke(n -> meters.optedOut("SMS", n));
    }

    /** The provider refused a warning to the number because it replied STOP to the sender. */
    void onUnsubscribed(@Observes NumberUnsubscribed refused) {
        optOutEverywhere(refused.phone()).await().atMost(Duration.ofSeconds(30));
    }

    public static boolean isStopWord(String body) {
        return body != null && STOP_WORDS.contains(body.trim().toUpperCase(Locale.ROOT));
    }

    private Uni<Result> checkCode(String phone, String unit, String code, String purpose, String newStatus,
                                  String stamp, String client) {
        if (code == null || !code.matches("\\d{6}")) {
            throw ApiException.badRequest("invalid_request", "code must be the 6 digits sent by SMS");
        }
        Result rejected = new Result(phone, unit, "REJECTED", NOT_CONFIRMED);
        return pool.withTransaction(c -> confirmationLimit(c, client).chain(() -> c.preparedQuery("""
                SELECT id, code_hash, code_purpose, code_expires > $3, code_attempts FROM subscription
                WHERE phone = $1 AND unit = $2 FOR UPDATE""").execute(Tuple.of(phone, unit, now()))).chain(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Uni.createFrom().item(rejected);
                    }
                    var r = rows.iterator().next();
                    if (!purpose.equals(r.getString(2)) || !Boolean.TRUE.equals(r.getBoolean(3))
                            || r.getInteger(4) >= MAX_CODE_ATTEMPTS) {
                        return Uni.createFrom().item(rejected);
                    }
                    if (!hash(phone, code).equals(r.getString(1))) {
                        return c.preparedQuery("UPDATE subscription SET code_attempts = code_attempts + 1 WHERE id = $1")
                                .execute(Tuple.of(r.getLong(0))).replaceWith(rejected);
                    }
                    return c.preparedQuery("UPDATE subscription SET status = $2, code_hash = NULL, code_purpose = NULL, "
                                    + stamp + " = $3 WHERE id = $1").execute(Tuple.of(r.getLong(0), newStatus, now()))
                            .map(ignored -> new Result(phone, unit, newStatus, "done"));
                }));
    }

    /** Every confirmation attempt counts against the client's network, whichever number it names. */
    private Uni<Void> confirmationLimit(SqlConnection c, String client) {
        OffsetDateTime now = now();
        return c.preparedQuery("SELECT count(*) FROM subscription_confirm_attempt WHERE client = $1 AND at > $2")
                .execute(Tuple.of(client, now.minus(RATE_WINDOW))).chain(rows -> {
                    if (rows.iterator().next().getLong(0) >= CONFIRMATIONS_PER_CLIENT_PER_HOUR) {
                        throw new ApiException(429, "rate_limited", "too many confirmation attempts from your network; "
                                + "try again later", List.of());
                    }
                    return c.preparedQuery("INSERT INTO subscription_confirm_attempt (client, at) VALUES ($1, $2)")
                            .execute(Tuple.of(client, now)).replaceWithVoid();
                });
    }

    private Uni<Void> rateLimit(SqlConnection c, String phone, String client) {
        OffsetDateTime now = now();
        return c.preparedQuery("""
                SELECT (SELECT count(*) FROM subscription_code_sent WHERE phone = $1 AND sent_at > $3),
                       (SELECT count(*) FROM subscription_code_sent WHERE client = $2 AND sent_at > $3)""")
                .execute(Tuple.of(phone, client, now.minus(RATE_WINDOW))).chain(rows -> {
                    var r = rows.iterator().next();
                    if (r.getLong(0) >= CODES_PER_NUMBER_PER_HOUR || r.getLong(1) >= CODES_PER_CLIENT_PER_HOUR) {
                        throw new ApiException(429, "rate_limited", "too many codes requested; try again later",
                                List.of());
                    }
                    return c.preparedQuery("INSERT INTO subscription_code_sent (phone, client, sent_at) VALUES ($1, $2, $3)")
                            .execute(Tuple.of(phone, client, now)).replaceWithVoid();
                });
    }

    /** Codes go out within 15 minutes or not at all, ahead of every warning but a RED one. */
    private Uni<Void> queue(SqlConnection c, String key, String unit, String phone, String text) {
        return outbox.enqueue(c, new Outbox.Message(key, null, unit, "SUBSCRIBER", phone, phone, text, CODE_PRIORITY,
                false, CODE_VALIDITY));
    }

    private void checkPhone(String phone) {
        MobileNumbers.problem(phone).ifPresent(problem -> {
            throw ApiException.badRequest("invalid_phone", "phone " + problem);
        });
        if (!countries.contains(MobileNumbers.countryCode(phone))) {
            throw ApiException.badRequest("invalid_phone", "phone " + phone + ": only mobile numbers with the country "
                    + "code" + (countries.size() > 1 ? "s " : " ") + countries.stream().sorted().map(n -> "+" + n)
                    .toList() + " can subscribe here");
        }
    }

    private String code() {
        return String.format("%06d", random.nextInt(1_000_000));
    }

    private static String hash(String phone, String code) {
        return Digests.sha256Hex(phone + ":" + code);
    }
}
