package dev.diag.agent.probe.logging;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * java.util.logging's loggers, through the JDK's LogManager: always there, no reflection. The
 * LogManager holds its loggers weakly, so this keeps each logger whose level it set until it is
 * put back: a level set on a logger nobody else holds would vanish with it.
 */
final class JulLoggers implements LoggingFramework {
    private final Map<String, Logger> held = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "java.util.logging";
    }

    @Override
    public List<LoggerState> levelled(int limit) {
        List<LoggerState> rows = new ArrayList<>();
        for (String name : names()) {
            Logger logger = LogManager.getLogManager().getLogger(name);
            if (logger != null && logger.getLevel() != null && rows.size() < limit) {
                rows.add(state(logger));
            }
        }
        return rows;
    }

    @Override
    public int levelledCount() {
        int count = 0;
        for (String name : names()) {
            Logger logger = LogManager.getLogManager().getLogger(name);
            count += logger != null && logger.getLevel() != null ? 1 : 0;
        }
        return count;
    }

    @Override
    public boolean has(String name) {
        return logger(name) != null || names().stream().anyMatch(n -> n.startsWith(name + "."));
    }

    @Override
    public LoggerState state(String name) {
        Logger logger = logger(name);
        return logger == null ? new LoggerState(name, null, effective(Logger.getLogger(""))) : state(logger);
    }

    @Override
    public void apply(String name, String level) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(level == null ? null : Level.parse(level));
        if (level == null) {
            held.remove(name);
        } else {
            held.put(name, logger);
        }
    }

    private static Logger logger(String name) {
        return LogManager.getLogManager().getLogger(name);
    }

    @Override
    public String levelName(String level) {
        return Levels.jul(level);
    }

    @Override
    public String rootName() {
        return "";
    }

    private static LoggerState state(Logger logger) {
        return new LoggerState(logger.getName(), logger.getLevel() == null ? null : logger.getLevel().getName(),
                effective(logger));
    }

    private static String effective(Logger logger) {
        for (Logger l = logger; l != null; l = l.getParent()) {
            if (l.getLevel() != null) {
                return l.getLevel().getName();
            }
        }
        return Level.INFO.getName(); // LogManager's default when even the root has none
    }

    private static List<String> names() {
        List<String> names = Collections.list(LogManager.getLogManager().getLoggerNames());
        Collections.sort(names);
        return names;
    }
}
