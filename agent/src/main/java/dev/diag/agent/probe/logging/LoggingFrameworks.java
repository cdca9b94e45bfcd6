package dev.diag.agent.probe.logging;

import dev.diag.agent.probe.Reasons;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The logging frameworks the node runs, found as the app found them: java.util.logging always;
 * logback through each loaded copy of slf4j's {@code LoggerFactory} whose {@code getILoggerFactory()}
 * is a logback {@code LoggerContext}; log4j2 through each loaded copy of its {@code LogManager} whose
 * factory is log4j-core's, one per {@code LoggerContext} its selector holds (a server with several
 * apps has several). Only classes the app already loaded are looked at (one copy of the JVM's class
 * list, a few ms at 20,000 classes), and only frameworks that made a logger, so no framework is
 * loaded or started by asking; without an Instrumentation (an agent started from code) only
 * java.util.logging is seen, and a note says so.
 */
public final class LoggingFrameworks {
    private static final String SLF4J = "org.slf4j.LoggerFactory";
    private static final String LOG4J2 = "org.apache.logging.log4j.LogManager";
    /**
     * Loaded only once the framework made a logger: a class merely looked up (Spring Boot's isPresent
     * checks load classes without initializing them) is not asked, since calling its static methods
     * would start that framework in the app, printing its start-up warnings into the app's output.
     */
    private static final String LOGBACK_IN_USE = "ch.qos.logback.classic.Logger";
    private static final String LOG4J2_IN_USE = "org.apache.logging.log4j.core.Logger";

    private final Instrumentation instrumentation;
    private final JulLoggers jul = new JulLoggers(); // one for the agent's life: it holds the JUL loggers it changed

    public LoggingFrameworks(Instrumentation instrumentation) {
        this.instrumentation = instrumentation;
    }

    /** The frameworks found now, and a note for each that could not be read. */
    public record Found(List<LoggingFramework> frameworks, List<String> notes) {
    }

    public Found find() {
        List<LoggingFramework> frameworks = new ArrayList<>(List.of(jul));
        List<String> notes = new ArrayList<>();
        if (instrumentation == null) {
            notes.add("logback and log4j2 are found among the loaded classes, which this agent (started without an "
                    + "Instrumentation) cannot list; java.util.logging only");
            return new Found(frameworks, notes);
        }
        Class<?>[] loaded = instrumentation.getAllLoadedClasses();
        boolean logback = false;
        boolean log4j2 = false;
        for (Class<?> type : loaded) {
            logback |= type.getName().equals(LOGBACK_IN_USE);
            log4j2 |= type.getName().equals(LOG4J2_IN_USE);
        }
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        for (Class<?> type : loaded) {
            String name = type.getName();
            try {
                if (logback && name.equals(SLF4J)) {
                    Object factory = Reflection.callStatic(type, "getILoggerFactory", new Class<?>[0]);
                    if (isA(factory, "ch.qos.logback.classic.LoggerContext") && seen.put(factory, true) == null) {
                        frameworks.add(new LogbackLoggers(factory));
                    }
                } else if (log4j2 && name.equals(LOG4J2)) {
                    for (Object context : log4j2Contexts(Reflection.callStatic(type, "getFactory", new Class<?>[0]))) {
                        if (isA(context, "org.apache.logging.log4j.core.LoggerContext") && seen.put(context, true) == null) {
                            frameworks.add(new Log4j2Loggers(context));
                        }
                    }
                }
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                notes.add("could not read " + (name.equals(SLF4J) ? "logback" : "log4j2") + "'s loggers (a version "
                        + "diag does not know?): " + Reasons.of(e));
            }
        }
        return new Found(frameworks, notes);
    }

    /** log4j-core's factory holds a selector of contexts; log4j-api's own or another binding has none to read. */
    private static Collection<?> log4j2Contexts(Object factory) throws ReflectiveOperationException {
        if (factory == null || !isA(factory, "org.apache.logging.log4j.core.impl.Log4jContextFactory")) {
            return List.of();
        }
        Object selector = Reflection.call(factory, "getSelector");
        return (Collection<?>) Reflection.call(selector, "getLoggerContexts");
    }

    private static boolean isA(Object object, String className) {
        for (Class<?> c = object == null ? null : object.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getName().equals(className)) {
                return true;
            }
        }
        return false;
    }
}
