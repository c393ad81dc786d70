package io.airwarn.core;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.function.Function;

/** Bulk statements go out one chunk after another on the same connection, keeping each parameter array bounded. */
public final class Chunks {

    public static final int SIZE = 5_000;

    private Chunks() {
    }

    public static <T> Uni<Void> inSequence(List<T> rows, Function<List<T>, Uni<?>> statement) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int from = 0; from < rows.size(); from += SIZE) {
            List<T> chunk = rows.subList(from, Math.min(rows.size(), from + SIZE));
            chain = chain.chain(() -> statement.apply(chunk).replaceWithVoid());
        }
        return chain;
    }
}
