package dev.diag.agent.functions;

import dev.diag.agent.probe.JdkInternals;
import dev.diag.agent.probe.Mailbox;
import dev.diag.agent.probe.ProcessFacts;
import dev.diag.protocol.message.Json;
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
    private final ProcessFacts facts;

    ProcessInfoFunction(JdkInternals internals) {
        super("process_info", 1, 2,
                Impact.medium("one thread: most items read counters (no pause); current_stacktrace takes its stack in "
                        + "one short pause; backtrace also has the JVM walk the heap for java.util.concurrent locks it holds "
                        + "(a pause that grows with heap size)"));
        this.facts = new ProcessFacts(internals);
    }

    @Override
    public Object call(Args args, CallContext context) throws FunctionException {
        long pid = Pids.at(args, 0);
        ProcessFacts.Live live = facts.find(pid).orElseThrow(() -> Pids.noSuchProcess(pid));
        if (args.count() == 1) {
            return facts.info(live);
        }
        ProcessItem item = args.oneOf(1, ProcessItem.class, "item");
        Object value = switch (item) {
            case CURRENT_FUNCTION -> facts.currentFunction(pid);
            case CURRENT_STACKTRACE -> facts.stack(pid);
            case BACKTRACE -> facts.backtrace(live);
            case MESSAGE_QUEUE_LEN -> facts.mailboxes().servedBy(pid).map(Mailbox::size).orElse(null);
            case STATUS -> live.entry().info().getThreadState().name();
            case REGISTERED_NAME -> facts.mailboxes().servedBy(pid).map(Mailbox::name).orElse(null);
            case INITIAL_CALL -> facts.initialCall(live);
            case MEMORY -> live.entry().allocatedBytes();
            case REDUCTIONS -> live.entry().cpuNanos();
            case PRIORITY -> live.entry().info().getPriority();
            case GROUP_LEADER -> facts.groupLeader(live);
            case LINKS -> facts.links(live);
        };
        if (value == null && (item == ProcessItem.CURRENT_STACKTRACE || item == ProcessItem.BACKTRACE)) {
            throw Pids.noSuchProcess(pid); // it ended while we looked
        }
        return new ProcessInfoItem(pid, Atoms.of(item), Json.mapper().valueToTree(value));
    }
}
