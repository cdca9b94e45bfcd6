package dev.diag.protocol.result;

/**
 * {@code process_info(Pid)}: Erlang's default items for a thread. {@code memory} is allocated
 * bytes, {@code reductions} CPU nanoseconds, {@code groupLeader} the thread group,
 * {@code registeredName} the mailbox it serves (null if none), {@code initialCall} the class of the
 * task it was started with where the agent can see it.
 */
public record ProcessInfo(long pid, String name, String status, String initialCall, String currentFunction,
        Integer messageQueueLen, String registeredName, long memory, long reductions, int priority,
        String groupLeader, boolean daemon) {
}
