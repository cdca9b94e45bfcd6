package dev.diag.protocol.result;

/**
 * {@code system_info(uptime)} and {@code statistics(wall_clock)}: how long the JVM has run, and
 * when it started (milliseconds since the epoch). {@code item} says which call it answers.
 */
public record Uptime(String item, long uptimeMillis, long startMillis) {
}
