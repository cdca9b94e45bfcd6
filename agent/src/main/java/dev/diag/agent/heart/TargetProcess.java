package dev.diag.agent.heart;

import dev.diag.protocol.node.ProcessStart;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The node's process as heart sees it from outside: heart is its child, not its parent, so it
 * cannot wait for it and polls instead. Alive means: that pid, with the start time it had when
 * heart started (a later process may reuse the pid), and not a zombie, by the very test the node
 * registry uses, so a node heart calls gone can never block its restarted self's registration.
 */
final class TargetProcess {
    private final long pid;
    private final long startTicks;
    private final Optional<ProcessHandle> handle;
    private final boolean proc;

    TargetProcess(long pid, long startTicks) {
        this.pid = pid;
        this.startTicks = startTicks;
        this.handle = ProcessHandle.of(pid); // holds the start time too: destroyForcibly checks it
        this.proc = startTicks >= 0 && ProcessStart.supported();
    }

    long pid() {
        return pid;
    }

    boolean isAlive() {
        if (proc) {
            OptionalLong now = ProcessStart.ticks(pid);
            return now.isPresent() && now.getAsLong() == startTicks;
        }
        return handle.isPresent() && handle.get().isAlive();
    }

    /** SIGKILL, which a stopped process cannot ignore; a no-op once it is gone. */
    void kill() {
        if (isAlive()) {
            handle.ifPresent(ProcessHandle::destroyForcibly);
        }
    }
}
