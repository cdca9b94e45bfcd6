package dev.diag.agent.probe;

/**
 * A wait for room in a mailbox that leaves no blocker to match: a producer of a full Disruptor
 * ring spins in {@code MultiProducerSequencer.next} with {@code LockSupport.parkNanos(1)}. An
 * adapter lists one among a mailbox's conditions; a thread whose top frames run
 * {@code className.methodName} waits on that mailbox (see {@link MailboxSnapshot#waitedOnBy(Thread,
 * StackTraceElement[])}). Cost: a look at a few frames of a stack already taken.
 */
public record SpinWait(String className, String methodName) {
    /** How deep below the JDK's park frames the spinning method may be. */
    private static final int TOP = 4;

    /** True when one of the top frames of {@code stack} is this method. */
    boolean isIn(StackTraceElement[] stack) {
        for (int i = 0; i < Math.min(TOP, stack.length); i++) {
            if (stack[i].getMethodName().equals(methodName) && stack[i].getClassName().equals(className)) {
                return true;
            }
        }
        return false;
    }
}
