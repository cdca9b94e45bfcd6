package dev.diag.agent.functions;

import dev.diag.agent.probe.logging.ChangedLevels;
import dev.diag.agent.probe.logging.LoggerState;
import dev.diag.agent.probe.logging.LoggingFramework;
import dev.diag.agent.probe.logging.LoggingFrameworks;
import dev.diag.agent.probe.Reasons;
import dev.diag.protocol.function.Declaration;
import dev.diag.protocol.result.LoggerLevels;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code logger()}: the loggers with a level of their own in java.util.logging, logback and log4j2
 * (where the app loaded them), at most {@value #MAX_ROWS} rows, each marked with the level it had
 * if diag changed it. A logger that only inherits is not listed: an app has thousands, and
 * {@code logger:set_level} takes any of them by name.
 */
final class LoggerList extends FunctionBase {
    static final int MAX_ROWS = 500;

    private final LoggingFrameworks frameworks;
    private final ChangedLevels changed;

    LoggerList(LoggingFrameworks frameworks, ChangedLevels changed) {
        super(Declaration.LOGGER);
        this.frameworks = frameworks;
        this.changed = changed;
    }

    @Override
    public Object call(Args args, CallContext context) {
        LoggingFrameworks.Found found = frameworks.find();
        List<LoggerLevels.Row> rows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> notes = new ArrayList<>(found.notes());
        int leftOut = 0;
        for (LoggingFramework framework : found.frameworks()) {
            names.add(framework.name());
            try {
                List<LoggerState> levelled = framework.levelled(MAX_ROWS - rows.size());
                for (LoggerState logger : levelled) {
                    rows.add(new LoggerLevels.Row(framework.name(), logger.name(), logger.level(), logger.effective(),
                            changed.changedFrom(framework, logger.name())));
                }
                leftOut += framework.levelledCount() - levelled.size();
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                notes.add("could not read " + framework.name() + "'s loggers: " + Reasons.of(e));
            }
        }
        return new LoggerLevels(rows, Math.max(0, leftOut), names, notes);
    }
}
