package dev.diag.agent;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Bounded waits for tests: each gives up after {@link #SECONDS} with a sentence saying what did
 * not happen, so a broken test fails with a reason instead of hanging the build. What they wait
 * for takes milliseconds when all is well.
 */
public final class Await {
    public static final long SECONDS = 10;

    private Await() {
    }

    /** Waits until {@code condition} holds; {@code what} says what did not happen, e.g. "the pool's 3 workers did not start". */
    public static void until(BooleanSupplier condition, Supplier<String> what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(what.get() + " within " + SECONDS + " s");
            }
            Thread.sleep(2);
        }
    }

    /** Waits until {@code thread} is in {@code state}: WAITING once it parked, BLOCKED on a monitor. */
    public static void state(Thread thread, Thread.State state) throws InterruptedException {
        until(() -> thread.getState() == state,
                () -> thread.getName() + " did not reach " + state + " (it is " + thread.getState() + ")");
    }

    /** Waits until {@code thread} has ended. */
    public static void ended(Thread thread) throws InterruptedException {
        thread.join(TimeUnit.SECONDS.toMillis(SECONDS));
        if (thread.isAlive()) {
            throw new AssertionError(thread.getName() + " did not end within " + SECONDS + " s; it is "
                    + thread.getState());
        }
    }
}
