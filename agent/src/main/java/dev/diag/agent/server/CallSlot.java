package dev.diag.agent.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.message.JsonTree;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One of the {@link CallExecutor}'s threads, taken by a call: what runs there, for whom, since
 * when; what a busy node tells the next caller ({@code backtraces() running for 25 s for
 * alice@localhost}). The call is shown short: its arguments may be megabytes (a class file) and
 * are another caller's business beyond a glance.
 */
record CallSlot(String call, Caller caller, long sinceNanos) {
    /** Arguments longer than this are shown as "…". */
    static final int MAX_ARGUMENT_CHARS = 24;

    static CallSlot of(String function, List<JsonNode> args, Caller caller) {
        // loops, not streams: every call passes here, a fresh node's first one too, and each stream
        // stage and lambda is linked on its first use
        StringBuilder call = new StringBuilder(function).append('(');
        for (int i = 0; i < args.size(); i++) {
            call.append(i == 0 ? "" : ", ").append(glance(args.get(i)));
        }
        return new CallSlot(call.append(')').toString(), caller, System.nanoTime());
    }

    private static String glance(JsonNode arg) {
        String text = arg.isTextual() ? arg.textValue() : JsonTree.text(arg);
        return text.length() <= MAX_ARGUMENT_CHARS && printable(text) ? text : "…";
    }

    private static boolean printable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** {@code backtraces() running for 25 s for alice@localhost}. */
    String describe(long nowNanos) {
        return call + " running for " + TimeUnit.NANOSECONDS.toSeconds(nowNanos - sinceNanos) + " s for " + caller;
    }
}
