package io.airwarn.notify;

import io.airwarn.cluster.ScheduledRuns;
import io.airwarn.core.AirWarnConfig;
import io.airwarn.core.PhoneMasks;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The only sender: claims due outbox rows (priority order, SKIP LOCKED), sends them through the Twilio channel
 * with bounded concurrency under a token-bucket rate limit, and settles each: sent, retried later with exponential
 * backoff and jitter (429, 5xx, network), failed for good (permanent error codes), or unknown (a timeout after the
 * request left) until reconciled with the provider's own record, so no recipient gets the same message twice.
 */
@ApplicationScoped
public class Dispatcher {

    static final int BATCH = 200;
    private static final Duration TIMEOUT = Duration.ofMinutes(1);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(2);

    /** Twilio's answer for a number that replied STOP to the sender. */
    private static final int UNSUBSCRIBED = 21610;

    private final OutboxStore store;
    private final TwilioChannel channel;
    private final ScheduledRuns runs;
    private final Clock clock;
    private final Event<NumberUnsubscribed> unsubscribed;
    private final TokenBucket bucket;
    private final ExecutorService senders;
    private final int staleClaimSeconds;
    private final Duration maxBackoff;
    private final SendMeters meters;
    private final Tracer tracer;

    Dispatcher(OutboxStore store, TwilioChannel channel, ScheduledRuns runs, Clock clock,
               Event<NumberUnsubscribed> unsubscribed, AirWarnConfig config, SendMeters meters, Tracer tracer) {
        this.store = store;
        this.tracer = tracer;
        this.meters = meters;
        this.channel = channel;
        this.runs = runs;
        this.clock = clock;
        this.unsubscribed = unsubscribed;
        // Providers count in short windows, so bursts above the rate are refused with 429: keep them small.
        this.bucket = new TokenBucket(config.twilio().rate(), Math.max(1, config.twilio().rate() / 200));
        this.senders = Executors.newFixedThreadPool(config.twilio().concurrency());
        this.staleClaimSeconds = (int) config.twilio().staleClaim().toSeconds();
        this.maxBackoff = config.twilio().maxBackoff();
    }

    @PreDestroy
    void stop() {
        senders.shutdownNow();
    }

    /** Rounds with nothing due are not recorded: the job fires every second. */
    @Scheduled(identity = ScheduledRuns.DISPATCH_JOB, every = "{airwarn.dispatch-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run(ScheduledExecution execution) {
        if (store.anythingDue(staleClaimSeconds).await().atMost(TIMEOUT)) {
            // A trace span only for rounds that send, not for the idle check every second.
            Span span = tracer.spanBuilder("outbox dispatch").startSpan();
            try (Scope ignored = span.makeCurrent()) {
                runs.run(ScheduledRuns.DISPATCH_JOB, execution, () -> Uni.createFrom().item(this::dispatchAll)
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()).map(n -> n + " message(s) settled"));
            } finally {
                span.end();
            }
        }
    }

    /** Works until nothing is due; returns how many messages it settled. */
    public int dispatchAll() {
        store.expire().await().atMost(TIMEOUT);
        int settled = reconcile();
        List<OutboxStore.Claimed> batch;
        while (!(batch = store.claim(BATCH).await().atMost(TIMEOUT)).isEmpty()) {
            settled += send(batch);
        }
        return settled;
    }

    private int send(List<OutboxStore.Claimed> batch) {
        List<Future<?>> futures = new ArrayList<>();
        for (OutboxStore.Claimed m : batch) {
            futures.add(senders.submit(() -> {
                meters.waited(bucket.take());
                long start = System.nanoTime();
                SendResult result = channel.send(m.phone(), m.body(), m.id(), validitySeconds(m));
                meters.sent(Duration.ofNanos(System.nanoTime() - start), result);
                settle(m, result);
                return null;
            }));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            } catch (java.util.concurrent.ExecutionException e) {
                Log.errorf("dispatch failed: %s", PhoneMasks.mask(String.valueOf(e.getCause())));
            }
        }
        return batch.size();
    }

    private int validitySeconds(OutboxStore.Claimed m) {
        return (int) Math.max(1, Duration.between(OffsetDateTime.now(clock), m.validUntil()).toSeconds());
    }

    private void settle(OutboxStore.Claimed m, SendResult r) {
        switch (r.outcome()) {
            case ACCEPTED -> store.sent(m.id(), r.sid()).await().atMost(TIMEOUT);
            case PERMANENT -> {
                String phone = store.failed(m.id(), r.errorCode(), r.message()).await().atMost(TIMEOUT);
                if (phone != null && Integer.valueOf(UNSUBSCRIBED).equals(r.errorCode())) {
                    unsubscribed.fire(new NumberUnsubscribed(phone));
                }
            }
            case UNKNOWN -> store.unknown(m.id(), r.message()).await().atMost(TIMEOUT);
            case RETRYABLE -> {
                OffsetDateTime next = OffsetDateTime.now(clock).plus(backoff(m.attempts(), maxBackoff));
                Uni<?> update = next.isAfter(m.validUntil())
                        ? store.failed(m.id(), r.errorCode(), "validity passed: " + r.message())
                        : store.retry(m.id(), next, r.errorCode(), r.message());
                update.await().atMost(TIMEOUT);
            }
        }
    }

    /** Exponential backoff from 2 s, doubling per attempt up to {@code cap}, jittered over its upper half. */
    static Duration backoff(int attempts, Duration cap) {
        long max = Math.min(cap.toMillis(), FIRST_BACKOFF.toMillis() << Math.min(20, Math.max(0, attempts - 1)));
        return Duration.ofMillis(max / 2 + ThreadLocalRandom.current().nextLong(max / 2 + 1));
    }

    /** Asks the provider about every uncertain send before anything is resent. */
    private int reconcile() {
        int n = 0;
        for (OutboxStore.Claimed m : store.uncertain(staleClaimSeconds, BATCH).await().atMost(TIMEOUT)) {
            try {
                var found = channel.find(m.phone(), m.body(), m.claimedAt().atZoneSameInstant(ZoneOffset.UTC));
                Uni<Void> update = found.isPresent() ? store.sent(m.id(), found.get())
                        : store.retry(m.id(), OffsetDateTime.now(clock), null, "not received: resend");
                update.await().atMost(TIMEOUT);
                n++;
            } catch (RuntimeException e) {
                Log.warnf("cannot reconcile outbox message %d yet: %s", m.id(), PhoneMasks.mask(e.getMessage()));
            }
        }
        return n;
    }
}
