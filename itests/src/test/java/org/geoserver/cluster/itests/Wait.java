package org.geoserver.cluster.itests;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition until it holds or a deadline passes; tests stay bounded in time. */
public final class Wait {

    private Wait() {}

    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        until(what, timeout, condition, () -> "");
    }

    /** Fails with {@code what} and the {@code details} of the last state when the deadline passes. */
    public static void until(String what, Duration timeout, BooleanSupplier condition, Supplier<String> details) {
        until(what, timeout, Duration.ofMillis(200), condition, details);
    }

    /** Polls every {@code poll}: for benchmarks, where a coarse poll would add to the time measured. */
    public static void until(String what, Duration timeout, Duration poll, BooleanSupplier condition, Supplier<String> details) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + what + ". " + details.get());
            }
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for " + what, e);
            }
        }
    }
}
