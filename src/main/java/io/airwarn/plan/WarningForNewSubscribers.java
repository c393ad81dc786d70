package io.airwarn.plan;

import io.airwarn.core.AirWarnConfig;
import io.airwarn.notify.Outbox;
import io.airwarn.subscription.SubscriberConfirmed;
import io.airwarn.subscription.Subscribers;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import java.time.Duration;

/**
 * A number that subscribes while its unit has a warning in force gets that warning's public message at once. An
 * exercise's message goes only to those subscribed when it was issued.
 */
@ApplicationScoped
class WarningForNewSubscribers {

    private final Pool pool;
    private final Outbox outbox;
    private final Duration validity;

    WarningForNewSubscribers(Pool pool, Outbox outbox, AirWarnConfig config) {
        this.pool = pool;
        this.outbox = outbox;
        this.validity = config.messageValidity();
    }

    /** Off the request's thread: the confirmation answers at once, the message follows. */
    void onConfirmed(@ObservesAsync SubscriberConfirmed s) {
        pool.withTransaction(c -> c.preparedQuery("""
                        SELECT id, unit, level, exercise, message, message_en FROM plan_order
                        WHERE unit = $1 AND recipient_type = 'PUBLIC' AND status = 'OPEN' AND kind <> 'ALL_CLEAR'
                          AND NOT exercise
                        ORDER BY id DESC LIMIT 1""").execute(Tuple.of(s.unit()))
                .chain(rows -> !rows.iterator().hasNext() ? Uni.createFrom().voidItem()
                        : outbox.enqueue(c, PlanStore.toSubscriber(rows.iterator().next(),
                                new Subscribers.Subscriber(s.subscriptionId(), s.phone(), s.english()), validity))))
                .await().atMost(Duration.ofSeconds(30));
    }
}
