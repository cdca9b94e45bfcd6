package dev.diag.agent.functions;

import dev.diag.agent.probe.logging.ChangedLevels;
import dev.diag.agent.probe.logging.LoggingFramework;
import dev.diag.agent.probe.logging.LoggingFrameworks;
import dev.diag.agent.probe.Reasons;
import dev.diag.protocol.function.Declaration;
import dev.diag.protocol.message.Echo;
import dev.diag.protocol.result.LevelChanges;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code logger:set_level(Name, Level)}: sets the level of the logger {@code Name} (or of the
 * package {@code Name}: its loggers inherit it) in every logging framework that has it, and answers
 * the level each had. {@code root} is each framework's root logger. The level before diag's first
 * change is kept ({@link ChangedLevels}) for logger:reset() and stop().
 *
 * <pre>
 * logger:set_level("com.example.orders", debug).   % logback com.example.orders: inherited (INFO) -> DEBUG
 * </pre>
 */
final class LoggerSetLevel extends FunctionBase {
    private static final String LEVELS = "trace, debug, info, warn, error, off, all, or a java.util.logging level "
            + "(finest, finer, fine, config, warning, severe)";

    static final int MAX_NAME_CHARS = 1000;

    private final LoggingFrameworks frameworks;
    private final ChangedLevels changed;

    LoggerSetLevel(LoggingFrameworks frameworks, ChangedLevels changed) {
        super(Declaration.SET_LEVEL);
        this.frameworks = frameworks;
        this.changed = changed;
    }

    @Override
    public Object call(Args args, CallContext context) throws FunctionException {
        String name = args.text(0, "the logger's name", MAX_NAME_CHARS);
        String level = args.text(1, "the level", MAX_NAME_CHARS);
        LoggingFrameworks.Found found = frameworks.find();
        List<LevelChanges.Change> changes = new ArrayList<>();
        List<String> searched = new ArrayList<>();
        for (LoggingFramework framework : found.frameworks()) {
            searched.add(framework.name());
            if (framework.levelName(level) == null) {
                throw FunctionException.badArgument("unknown level '" + Echo.of(level) + "'; use " + LEVELS);
            }
            String logger = name.equalsIgnoreCase("root") ? framework.rootName() : name;
            try {
                if (framework.has(logger)) {
                    changes.addAll(changed.set(List.of(framework), logger, level));
                }
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                throw FunctionException.failed("could not set the level in " + framework.name() + ": " + Reasons.of(e)
                        + (changes.isEmpty() ? "" : "; set in " + changes.size() + " other framework(s), "
                        + "logger:reset() puts them back"));
            }
        }
        if (changes.isEmpty()) {
            throw FunctionException.badArgument("no logger named " + Echo.of(name) + " (nor any under it) in "
                    + String.join(", ", searched) + "; logger() lists the loggers with levels");
        }
        return new LevelChanges(changes);
    }

    @Override
    public boolean audited() {
        return true; // it changes the app's logging until reset
    }
}
