package dev.diag.protocol.result;

import java.util.List;

/**
 * {@code deadlocks()}: each cycle of threads waiting for each other's locks, as the JVM's detector
 * found them, none when the list is empty. {@code note} says what the detector cannot see (virtual
 * threads on JDK 21+, java.util.concurrent locks where the JVM does not track them); null when nothing.
 */
public record Deadlocks(List<Deadlock> deadlocks, String note) {
}
