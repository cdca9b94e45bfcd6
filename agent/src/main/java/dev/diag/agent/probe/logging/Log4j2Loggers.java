package dev.diag.agent.probe.logging;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One log4j2 core {@code LoggerContext}: levels live in its configuration's {@code LoggerConfig}s,
 * so a logger has a level of its own when the configuration has a LoggerConfig of its name. A level
 * set on a name without one adds a LoggerConfig (additive, as log4j2's own {@code Configurator.setLevel}
 * does) and putting it back removes it again; {@code updateLoggers()} then applies the change to the
 * live loggers. Public log4j-core API since 2.0; tested with 2.26 (LoggerLevelsIT).
 */
record Log4j2Loggers(Object context) implements LoggingFramework { // equal for the same context: its changes are found again

    @Override
    public String name() {
        return "log4j2";
    }

    @Override
    public List<LoggerState> levelled(int limit) throws ReflectiveOperationException {
        List<LoggerState> rows = new ArrayList<>();
        for (String name : names()) {
            if (rows.size() < limit) {
                String level = Reflection.text(Reflection.call(own(name), "getLevel"));
                rows.add(new LoggerState(name, level, level));
            }
        }
        return rows;
    }

    @Override
    public int levelledCount() throws ReflectiveOperationException {
        return names().size();
    }

    @Override
    public boolean has(String name) throws ReflectiveOperationException {
        if (own(name) != null) {
            return true;
        }
        for (Object logger : (Collection<?>) Reflection.call(context, "getLoggers")) {
            String loggerName = (String) Reflection.call(logger, "getName");
            if (loggerName.equals(name) || loggerName.startsWith(name + ".")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public LoggerState state(String name) throws ReflectiveOperationException {
        Object own = own(name);
        Object nearest = own != null ? own : Reflection.call(configuration(), "getLoggerConfig",
                new Class<?>[] {String.class}, name);
        String effective = Reflection.text(Reflection.call(nearest, "getLevel"));
        return new LoggerState(name, own == null ? null : effective, effective);
    }

    @Override
    public void apply(String name, String level) throws ReflectiveOperationException {
        Object configuration = configuration();
        Object own = own(name);
        Class<?> levelClass = Reflection.near(context, "org.apache.logging.log4j.Level");
        if (level == null) {
            if (own != null && !name.isEmpty()) { // the root keeps its LoggerConfig: it is given its level back instead
                Reflection.call(configuration, "removeLogger", new Class<?>[] {String.class}, name);
            }
        } else {
            Object value = Reflection.callStatic(levelClass, "getLevel", new Class<?>[] {String.class}, level);
            if (own != null) {
                Reflection.call(own, "setLevel", new Class<?>[] {levelClass}, value);
            } else {
                Class<?> configClass = Reflection.near(context, "org.apache.logging.log4j.core.config.LoggerConfig");
                Object added = configClass.getConstructor(String.class, levelClass, boolean.class)
                        .newInstance(name, value, true);
                Reflection.call(configuration, "addLogger", new Class<?>[] {String.class, configClass}, name, added);
            }
        }
        Reflection.call(context, "updateLoggers");
    }

    @Override
    public String levelName(String level) {
        return Levels.slf4j(level);
    }

    @Override
    public String rootName() {
        return "";
    }

    private Object configuration() throws ReflectiveOperationException {
        return Reflection.call(context, "getConfiguration");
    }

    /** The LoggerConfig of exactly this name ("" is the root, which the configuration keeps apart), or null. */
    private Object own(String name) throws ReflectiveOperationException {
        return name.isEmpty() ? Reflection.call(configuration(), "getRootLogger") : configs().get(name);
    }

    /** The names with a LoggerConfig of their own, the root ("") first. */
    private List<String> names() throws ReflectiveOperationException {
        List<String> names = new ArrayList<>();
        for (Object name : configs().keySet()) {
            names.add((String) name);
        }
        names.remove("");
        Collections.sort(names);
        names.add(0, "");
        return names;
    }

    private Map<?, ?> configs() throws ReflectiveOperationException {
        return (Map<?, ?>) Reflection.call(configuration(), "getLoggers");
    }
}
