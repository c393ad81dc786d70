package io.airwarn.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * The one wait of the test suite, for what happens on another thread or process (a scheduled job, a callback, a
 * node): asks again every 200 ms until the answer is the expected one or the limit passes, then fails naming what it
 * waited for. A question that throws (a server not up yet) counts as "not yet".
 */
public final class Eventually {

    private static final Duration POLL = Duration.ofMillis(200);

    /** A question whose answer may come later. */
    @FunctionalInterface
    public interface Question<T> {
        T ask() throws Exception;
    }

    private Eventually() {
    }

    /** Waits until {@code done} holds. */
    public static void await(String what, Duration limit, Question<Boolean> done) throws InterruptedException {
        value(what, limit, done, Boolean.TRUE::equals);
    }

    /** Asks until the answer satisfies {@code done}, and returns that answer. */
    public static <T> T value(String what, Duration limit, Question<T> question, Predicate<T> done)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (true) {
            T answer = quietly(question);
            if (answer != null && done.test(answer)) {
                return answer;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + limit + ": " + what + " (last answer: " + answer + ")");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private static <T> T quietly(Question<T> question) {
        try {
            return question.ask();
        } catch (Exception notYet) {
            return null;
        }
    }
}
