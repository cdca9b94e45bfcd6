package dev.diag.agent.probe.logging;

import java.util.List;

/**
 * One logging framework's logger table as the app set it up (java.util.logging, a logback or a
 * log4j2 context), read and changed the way the app's own code would: by reflection on the app's
 * classes, found through the loaders that loaded them, never a compile-time dependency. Every
 * method may throw a {@link ReflectiveOperationException} or a RuntimeException for a version it
 * does not know; the caller turns that into a note.
 */
public interface LoggingFramework {

    /** "java.util.logging", "logback", "log4j2": what the answer calls it. */
    String name();

    /** The loggers with a level of their own (and the root), at most {@code limit}. */
    List<LoggerState> levelled(int limit) throws ReflectiveOperationException;

    /** How many loggers have a level of their own, to say how many rows were left out. */
    int levelledCount() throws ReflectiveOperationException;

    /** Whether the app has a logger of that name, or loggers under it (a package): set_level applies here. */
    boolean has(String logger) throws ReflectiveOperationException;

    /** The logger's own level (null: it inherits) and the level it logs at. */
    LoggerState state(String logger) throws ReflectiveOperationException;

    /** Sets the logger's own level, a name this framework knows ({@link #levelName}); null makes it inherit again. */
    void apply(String logger, String level) throws ReflectiveOperationException;

    /** This framework's name for a level given as trace, debug, info, warn, error, off, all or a JUL name; null if none. */
    String levelName(String level);

    /** The name of the root logger here, for "root". */
    String rootName();
}
