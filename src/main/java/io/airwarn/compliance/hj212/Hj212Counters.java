package io.airwarn.compliance.hj212;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the receiver did since it started, for metrics (Micrometer function counters read these) and tests.
 * Thread-safe.
 */
public final class Hj212Counters {

    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong openConnections = new AtomicLong();
    private final AtomicLong idleClosed = new AtomicLong();
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong replies = new AtomicLong();
    private final AtomicLong handlerFailures = new AtomicLong();
    private final Map<Refusal.Reason, AtomicLong> refused = new EnumMap<>(Refusal.Reason.class);

    public Hj212Counters() {
        for (Refusal.Reason reason : Refusal.Reason.values()) {
            refused.put(reason, new AtomicLong());
        }
    }

    /** Connections accepted since the start. */
    public long connections() {
        return connections.get();
    }

    public long openConnections() {
        return openConnections.get();
    }

    /** Connections closed for silence longer than the idle timeout. */
    public long idleClosed() {
        return idleClosed.get();
    }

    /** Frames whose length and CRC checked. */
    public long frames() {
        return frames.get();
    }

    /** Messages the handler took without throwing (a split set counts once). */
    public long accepted() {
        return accepted.get();
    }

    /** Frames sent back (9014, 9013, 9011). */
    public long replies() {
        return replies.get();
    }

    /** Times the handler threw. */
    public long handlerFailures() {
        return handlerFailures.get();
    }

    public long refused(Refusal.Reason reason) {
        return refused.get(reason).get();
    }

    void countOpened() {
        connections.incrementAndGet();
        openConnections.incrementAndGet();
    }

    void countClosed() {
        openConnections.decrementAndGet();
    }

    void countIdleClosed() {
        idleClosed.incrementAndGet();
    }

    void countFrame() {
        frames.incrementAndGet();
    }

    void countAccepted() {
        accepted.incrementAndGet();
    }

    void countReply() {
        replies.incrementAndGet();
    }

    void countHandlerFailure() {
        handlerFailures.incrementAndGet();
    }

    void countRefused(Refusal refusal) {
        refused.get(refusal.reason()).incrementAndGet();
    }
}
