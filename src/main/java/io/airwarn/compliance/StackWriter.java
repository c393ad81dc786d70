package io.airwarn.compliance;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stores the frames of many devices in batches: a frame waits in a queue while the batch before it is written, then
 * goes with everything that arrived meanwhile in one transaction. Idle, a frame is written at once; under load the
 * batches grow, not the number of transactions. A frame's future completes when it is committed, and only then is
 * the device answered (9014): what a device was told is stored is stored.
 */
@ApplicationScoped
class StackWriter {

    /** At most this many values in one transaction. */
    static final int MAX_BATCH = 5_000;

    private record Pending(String mn, List<StackData.Value> values, CompletableFuture<Void> done) {
    }

    private final StackData data;
    private final Clock clock;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();

    StackWriter(StackData data, Clock clock) {
        this.data = data;
        this.clock = clock;
    }

    CompletionStage<Void> write(String mn, List<StackData.Value> values) {
        Pending p = new Pending(mn, values, new CompletableFuture<>());
        queue.add(p);
        next();
        return p.done();
    }

    private void next() {
        if (queue.isEmpty() || !writing.compareAndSet(false, true)) {
            return;
        }
        List<Pending> batch = new ArrayList<>();
        List<StackData.Value> values = new ArrayList<>();
        Map<String, Long> frames = new LinkedHashMap<>();
        Pending p;
        while (values.size() < MAX_BATCH && (p = queue.poll()) != null) {
            batch.add(p);
            values.addAll(p.values());
            frames.merge(p.mn(), 1L, Long::sum);
        }
        data.write(values, frames, OffsetDateTime.now(clock)).subscribe().with(ok -> {
            batch.forEach(b -> b.done().complete(null));
            writing.set(false);
            next();
        }, failure -> {
            Log.errorf("%d stack frame(s) not stored, not answered (the devices send them again): %s", batch.size(),
                    failure.getMessage());
            batch.forEach(b -> b.done().completeExceptionally(failure));
            writing.set(false);
            next();
        });
    }
}
