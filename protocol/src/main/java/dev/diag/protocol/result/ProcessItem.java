package dev.diag.protocol.result;

/** The items of {@code process_info(Pid, Item)}, in Erlang's names; shared so the shell can complete them. */
public enum ProcessItem {
    CURRENT_FUNCTION, CURRENT_STACKTRACE, BACKTRACE, MESSAGE_QUEUE_LEN, STATUS, REGISTERED_NAME, INITIAL_CALL,
    MEMORY, REDUCTIONS, PRIORITY, GROUP_LEADER, LINKS
}
