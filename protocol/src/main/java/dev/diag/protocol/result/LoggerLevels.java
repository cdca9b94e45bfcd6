package dev.diag.protocol.result;

import java.util.List;

/**
 * {@code logger()}: the loggers with a level of their own in each logging framework the node runs
 * (java.util.logging always; logback and log4j2 where the app loaded them), then the ones diag
 * changed. {@code leftOut} counts rows past the cap; {@code notes} says what could not be read
 * (an unknown version of a framework), never an exception.
 */
public record LoggerLevels(List<Row> loggers, int leftOut, List<String> frameworks, List<String> notes) {

    /**
     * One logger: {@code level} is its own (null when it inherits), {@code effectiveLevel} what it
     * logs at; {@code diagChangedFrom} is the level it had before diag changed it ("" when it
     * inherited), null when diag did not change it.
     */
    public record Row(String framework, String name, String level, String effectiveLevel, String diagChangedFrom) {
    }
}
