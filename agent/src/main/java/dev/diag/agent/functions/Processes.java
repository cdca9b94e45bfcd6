package dev.diag.agent.functions;

import dev.diag.agent.probe.JdkInternals;
import dev.diag.agent.probe.ThreadTable;
import dev.diag.agent.probe.VirtualThreads;
import dev.diag.protocol.function.Declaration;
import dev.diag.protocol.result.PidList;
import java.util.Arrays;
import java.util.stream.LongStream;

/**
 * {@code processes()}: the pid of every live thread, platform and virtual, in order; no stacks, no
 * pause. Bounded: at most {@value #MAX_PIDS} pids are sent (about 1 MiB), and the result says how
 * many more there are, since a million virtual threads would be a 9 MB answer nobody reads.
 */
final class Processes extends FunctionBase {
    static final int MAX_PIDS = 100_000;

    private final VirtualThreads virtualThreads;

    Processes(JdkInternals internals) {
        super(Declaration.PROCESSES);
        this.virtualThreads = internals.virtualThreads();
    }

    @Override
    public Object call(Args args, CallContext context) {
        LongStream.Builder all = LongStream.builder();
        for (long id : ThreadTable.bean().getAllThreadIds()) {
            all.add(id);
        }
        virtualThreads.forEach(t -> {
            all.add(t.getId());
            return true;
        });
        long[] ids = all.build().sorted().toArray();
        int sent = Math.min(ids.length, MAX_PIDS);
        return new PidList(Arrays.stream(ids, 0, sent).boxed().toList(), ids.length > sent ? (long) (ids.length - sent) : null,
                virtualThreads.unlistedNote());
    }
}
