package dev.diag.agent.probe.logging;

import java.util.Locale;
import java.util.Map;

/**
 * The level words set_level accepts, translated into each framework's own names: slf4j's words
 * (trace, debug, info, warn, error) and off/all for all three, and java.util.logging's words
 * (finest, finer, fine, config, warning, severe) mapped the way slf4j's JUL bridge maps them.
 */
final class Levels {
    /** A word as logback and log4j2 spell it (JUL's words included). */
    private static final Map<String, String> SLF4J = Map.ofEntries(
            Map.entry("TRACE", "TRACE"), Map.entry("DEBUG", "DEBUG"), Map.entry("INFO", "INFO"),
            Map.entry("WARN", "WARN"), Map.entry("ERROR", "ERROR"), Map.entry("OFF", "OFF"), Map.entry("ALL", "ALL"),
            Map.entry("FINEST", "TRACE"), Map.entry("FINER", "DEBUG"), Map.entry("FINE", "DEBUG"),
            Map.entry("CONFIG", "INFO"), Map.entry("WARNING", "WARN"), Map.entry("SEVERE", "ERROR"));
    /** A word as java.util.logging spells it. */
    private static final Map<String, String> JUL = Map.ofEntries(
            Map.entry("TRACE", "FINEST"), Map.entry("DEBUG", "FINE"), Map.entry("INFO", "INFO"),
            Map.entry("WARN", "WARNING"), Map.entry("ERROR", "SEVERE"), Map.entry("OFF", "OFF"), Map.entry("ALL", "ALL"),
            Map.entry("FINEST", "FINEST"), Map.entry("FINER", "FINER"), Map.entry("FINE", "FINE"),
            Map.entry("CONFIG", "CONFIG"), Map.entry("WARNING", "WARNING"), Map.entry("SEVERE", "SEVERE"));

    private Levels() {
    }

    static String slf4j(String level) {
        return SLF4J.get(level.toUpperCase(Locale.ROOT));
    }

    static String jul(String level) {
        return JUL.get(level.toUpperCase(Locale.ROOT));
    }
}
