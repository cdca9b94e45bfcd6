package dev.diag.agent.functions;

import dev.diag.agent.probe.JdkInternals;
import dev.diag.agent.probe.Mailbox;
import dev.diag.agent.probe.ProcessFacts;
import dev.diag.agent.probe.VirtualFacts;
import dev.diag.agent.probe.VirtualThreads;
import dev.diag.protocol.result.ProcessInfo;
import dev.diag.protocol.result.ProcessItem;
import java.util.Optional;

/**
 * Finds a pid among the platform threads (ThreadMXBean: one call) and then among the virtual
 * threads (a walk of the thread containers: ~200-300 ms at a million), and answers process_info's
 * items for either kind, so i(Pid) and process_info(Pid[, Item]) treat both alike.
 */
final class ProcessLookup {
    private final ProcessFacts facts;
    private final VirtualFacts virtualFacts;
    private final VirtualThreads virtualThreads;

    ProcessLookup(JdkInternals internals) {
        this.facts = new ProcessFacts(internals);
        this.virtualFacts = new VirtualFacts(internals);
        this.virtualThreads = internals.virtualThreads();
    }

    /** A live process: a platform thread's facts, or a virtual thread. */
    record Found(ProcessFacts.Live platform, Thread virtual) {
    }

    Found find(long pid) throws FunctionException {
        Optional<ProcessFacts.Live> live = facts.find(pid);
        if (live.isPresent()) {
            return new Found(live.get(), null);
        }
        Thread virtual = pid > 0 ? virtualThreads.find(pid) : null;
        if (virtual == null) {
            throw Pids.noSuchProcess(pid);
        }
        return new Found(null, virtual);
    }

    ProcessInfo info(long pid) throws FunctionException {
        Found found = find(pid);
        return found.virtual() != null ? virtualFacts.info(found.virtual()) : facts.info(found.platform());
    }

    /** One item's value; null where the process has none (no mailbox) or ended meanwhile. */
    Object item(Found found, ProcessItem item) {
        return found.virtual() != null ? virtualItem(found.virtual(), item) : platformItem(found.platform(), item);
    }

    private Object platformItem(ProcessFacts.Live live, ProcessItem item) {
        long pid = live.entry().id();
        return switch (item) {
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
    }

    /** A virtual thread serves no mailbox diag finds, and the JVM measures no CPU or allocation for it (-1). */
    private Object virtualItem(Thread thread, ProcessItem item) {
        return switch (item) {
            case CURRENT_FUNCTION -> VirtualFacts.currentFunction(thread);
            case CURRENT_STACKTRACE -> virtualFacts.stack(thread);
            case BACKTRACE -> virtualFacts.backtrace(thread);
            case MESSAGE_QUEUE_LEN, REGISTERED_NAME -> null;
            case STATUS -> thread.getState().name();
            case INITIAL_CALL -> VirtualFacts.initialCall(thread.getStackTrace());
            case MEMORY, REDUCTIONS -> -1L;
            case PRIORITY -> thread.getPriority();
            case GROUP_LEADER -> VirtualFacts.VIRTUAL_GROUP;
            case LINKS -> virtualFacts.links(thread);
        };
    }
}
