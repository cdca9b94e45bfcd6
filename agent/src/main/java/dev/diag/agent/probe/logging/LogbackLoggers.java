package dev.diag.agent.probe.logging;

import java.util.ArrayList;
import java.util.List;

/**
 * One logback {@code LoggerContext}, as slf4j's {@code LoggerFactory.getILoggerFactory()} hands it
 * to the app: its {@code getLoggerList()}, each logger's {@code getLevel()} (its own, null when it
 * inherits) and {@code getEffectiveLevel()}, {@code exists(name)} (never {@code getLogger}, which
 * would create one) and {@code setLevel(Level.toLevel(word))}: public API since logback 1.0; tested with 1.5.
 */
record LogbackLoggers(Object context) implements LoggingFramework { // equal for the same context: its changes are found again

    @Override
    public String name() {
        return "logback";
    }

    @Override
    public List<LoggerState> levelled(int limit) throws ReflectiveOperationException {
        List<LoggerState> rows = new ArrayList<>();
        for (Object logger : loggers()) {
            if (Reflection.call(logger, "getLevel") != null && rows.size() < limit) {
                rows.add(state(logger));
            }
        }
        return rows;
    }

    @Override
    public int levelledCount() throws ReflectiveOperationException {
        int count = 0;
        for (Object logger : loggers()) {
            count += Reflection.call(logger, "getLevel") != null ? 1 : 0;
        }
        return count;
    }

    @Override
    public boolean has(String name) throws ReflectiveOperationException {
        return exists(name) != null; // logback makes every parent of a logger a logger: a package is found too
    }

    @Override
    public LoggerState state(String name) throws ReflectiveOperationException {
        return state(exists(name));
    }

    @Override
    public void apply(String name, String level) throws ReflectiveOperationException {
        Object logger = exists(name);
        Class<?> levelClass = Reflection.near(context, "ch.qos.logback.classic.Level");
        Object value = level == null ? null
                : Reflection.callStatic(levelClass, "toLevel", new Class<?>[] {String.class}, level);
        Reflection.call(logger, "setLevel", new Class<?>[] {levelClass}, value);
    }

    @Override
    public String levelName(String level) {
        return Levels.slf4j(level);
    }

    @Override
    public String rootName() {
        return "ROOT";
    }

    private Object exists(String name) throws ReflectiveOperationException {
        return Reflection.call(context, "exists", new Class<?>[] {String.class}, name);
    }

    private List<?> loggers() throws ReflectiveOperationException {
        return (List<?>) Reflection.call(context, "getLoggerList");
    }

    private static LoggerState state(Object logger) throws ReflectiveOperationException {
        return new LoggerState((String) Reflection.call(logger, "getName"), Reflection.text(Reflection.call(logger,
                "getLevel")), Reflection.text(Reflection.call(logger, "getEffectiveLevel")));
    }
}
