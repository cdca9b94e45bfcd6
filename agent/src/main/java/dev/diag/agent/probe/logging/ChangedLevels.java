package dev.diag.agent.probe.logging;

import dev.diag.protocol.result.LevelChanges;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The levels diag changed, each with the level its logger had of its own before diag first changed
 * it (a second set_level keeps the first), so {@link #reset} leaves every logger as diag found it:
 * a logger that inherited inherits again, and a log4j2 LoggerConfig diag added is removed. The agent
 * resets when it stops. One per agent; its methods are synchronized, as two callers may set levels
 * at once.
 *
 * <pre>
 * levels.set(frameworks, "com.example.orders", "debug")  // [logback com.example.orders null (INFO) -> DEBUG]
 * levels.reset()                                          // [logback com.example.orders DEBUG -> null]
 * </pre>
 */
public final class ChangedLevels {
    private final Map<Key, String> before = new LinkedHashMap<>();

    private record Key(LoggingFramework framework, String logger) {
    }

    /**
     * Sets {@code logger} to {@code level} in each of {@code targets}, which {@link LoggingFramework#has} it,
     * and answers what each had; {@code level} must be one every target knows ({@link LoggingFramework#levelName}).
     */
    public synchronized List<LevelChanges.Change> set(List<LoggingFramework> targets, String logger, String level)
            throws ReflectiveOperationException {
        List<LevelChanges.Change> changes = new ArrayList<>();
        for (LoggingFramework framework : targets) {
            String name = framework.levelName(level);
            LoggerState was = framework.state(logger);
            before.putIfAbsent(new Key(framework, logger), was.level() == null ? "" : was.level());
            framework.apply(logger, name);
            changes.add(new LevelChanges.Change(framework.name(), logger, was.level(), was.effective(), name));
        }
        return changes;
    }

    /** Puts back every level diag changed, and answers each logger's level before and after. */
    public synchronized List<LevelChanges.Change> reset() {
        List<LevelChanges.Change> changes = new ArrayList<>();
        for (Map.Entry<Key, String> saved : before.entrySet()) {
            LoggingFramework framework = saved.getKey().framework();
            String logger = saved.getKey().logger();
            String level = saved.getValue().isEmpty() ? null : saved.getValue();
            try {
                LoggerState was = framework.state(logger);
                framework.apply(logger, level);
                changes.add(new LevelChanges.Change(framework.name(), logger, was.level(), was.effective(), level));
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                // the app's framework went away (its context stopped): there is nothing left to put back
                changes.add(new LevelChanges.Change(framework.name(), logger, null, null, level));
            }
        }
        before.clear();
        return changes;
    }

    /** The level {@code logger} had before diag changed it in {@code framework} ("" when it inherited), or null. */
    public synchronized String changedFrom(LoggingFramework framework, String logger) {
        return before.get(new Key(framework, logger));
    }

    /** Every logger diag changed, by framework. */
    public synchronized List<Map.Entry<LoggingFramework, String>> changed() {
        return before.keySet().stream().map(k -> Map.entry(k.framework(), k.logger())).toList();
    }
}
