package dev.diag.shell.testing;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for what another thread does, a few seconds at most, and says what it waited for when that is not enough. */
public final class Eventually {
    private static final long WAIT_NANOS = 5_000_000_000L;

    private Eventually() {
    }

    public static void until(BooleanSupplier condition, String what) {
        until(condition, () -> what);
    }

    /** {@code what} is asked only on failure, so it may show the state at that moment (a screen). */
    public static void until(BooleanSupplier condition, Supplier<String> what) {
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + WAIT_NANOS / 1_000_000_000 + " s for " + what.get());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what.get());
            }
        }
    }
}
