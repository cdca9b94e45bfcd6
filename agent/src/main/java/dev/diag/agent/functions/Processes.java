package dev.diag.agent.functions;

import dev.diag.agent.probe.ThreadTable;
import dev.diag.protocol.result.PidList;
import java.util.Arrays;

/** {@code processes()}: the pid of every live platform thread, in order; no stacks, no pause. */
final class Processes extends FunctionBase {

    Processes() {
        super("processes", 0, 0, Impact.low("lists thread ids; no stacks, no pause"));
    }

    @Override
    public Object call(Args args, CallContext context) {
        long[] ids = ThreadTable.bean().getAllThreadIds();
        Arrays.sort(ids);
        return new PidList(Arrays.stream(ids).boxed().toList());
    }
}
