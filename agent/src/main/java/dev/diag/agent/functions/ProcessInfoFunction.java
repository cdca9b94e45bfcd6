package dev.diag.agent.functions;

import dev.diag.agent.probe.JdkInternals;
import dev.diag.protocol.function.Declaration;
import dev.diag.protocol.message.RecordJson;
import dev.diag.protocol.result.Atoms;
import dev.diag.protocol.result.ProcessInfoItem;
import dev.diag.protocol.result.ProcessItem;

/**
 * {@code process_info(Pid)} and {@code process_info(Pid, Item)}. Each item costs only what it
 * needs: most read the thread's bulk facts (no pause); current_function takes a few frames;
 * current_stacktrace and backtrace take the whole stack in one pause, and backtrace also asks the
 * JVM for the java.util.concurrent locks the thread holds, which it finds by walking the heap
 * inside that pause.
 */
final class ProcessInfoFunction extends FunctionBase {
    private final ProcessLookup processes;

    ProcessInfoFunction(JdkInternals internals) {
        super(Declaration.PROCESS_INFO);
        this.processes = new ProcessLookup(internals);
    }

    @Override
    public Object call(Args args, CallContext context) throws FunctionException {
        long pid = Pids.at(args, 0);
        if (args.count() == 1) {
            return processes.info(pid);
        }
        ProcessItem item = args.oneOf(1, ProcessItem.class, "item");
        Object value = processes.item(processes.find(pid), item);
        if (value == null && (item == ProcessItem.CURRENT_STACKTRACE || item == ProcessItem.BACKTRACE)) {
            throw Pids.noSuchProcess(pid); // it ended while we looked
        }
        return new ProcessInfoItem(pid, Atoms.of(item), RecordJson.tree(value));
    }
}
