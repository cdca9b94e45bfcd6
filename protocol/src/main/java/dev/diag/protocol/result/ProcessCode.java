package dev.diag.protocol.result;

import java.util.List;

/**
 * {@code check_process_code(Class)}: the threads with frames of the classes on their stacks now;
 * a frame that began before the class was last redefined finishes the old version of its method.
 * {@code threadsScanned} threads' stacks were taken in one pause of {@code pauseMicros};
 * {@code redefinedAtMillis} is when diag last redefined one of them (null: never). At most
 * {@code threads.size()} threads are listed; {@code note} says how many more there were.
 */
public record ProcessCode(List<String> classNames, List<ProcessCodeThread> threads, int threadsScanned,
        long pauseMicros, Long redefinedAtMillis, String note) {
}
