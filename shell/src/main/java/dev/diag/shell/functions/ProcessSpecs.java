package dev.diag.shell.functions;

import dev.diag.protocol.message.RecordReader;
import dev.diag.protocol.result.Deadlocks;
import dev.diag.protocol.result.PidList;
import dev.diag.protocol.result.ProcessInfo;
import dev.diag.protocol.result.ProcessInfoItem;
import dev.diag.protocol.result.ProcessGroups;
import dev.diag.shell.render.BacktracesView;
import dev.diag.shell.render.GroupsView;
import dev.diag.shell.render.DeadlocksView;
import dev.diag.shell.render.IView;
import dev.diag.shell.render.PidListView;
import dev.diag.shell.render.ProcessInfoView;
import dev.diag.shell.render.ProcessItemView;
import java.util.List;
import java.util.Set;

/**
 * The process functions' entries of the shell's table: processes/0, i/0,1,3, process_info/1,2, backtraces/0,
 * groups/0,1, deadlocks/0.
 */
final class ProcessSpecs {
    private static final Set<String> ERLANG = Set.of("erlang", "c", "recon");

    private ProcessSpecs() {
    }

    static List<FunctionSpec> all() {
        FunctionSpec.Renderer info = (result, width) -> ProcessInfoView.render(RecordReader.read(result, ProcessInfo.class), width);
        return List.of(
                new FunctionSpec("processes", 0, 0, ERLANG, "",
                        "the pid of every live thread; no stacks, no pause",
                        "processes().",
                        (result, width) -> PidListView.render(RecordReader.read(result, PidList.class), width)),
                new FunctionSpec("i", 0, 3, Set.of("c", "erlang"), "[Pid | 0, N, 0]",
                        "i() lists every process: pid, name, state, heap (bytes allocated), cpu, mailbox size and "
                                + "current function, then totals; streamed and paged. i(Pid) or i(0,N,0) shows one "
                                + "process as process_info(Pid) does",
                        "i().   i(<61>).   i(0,61,0).",
                        info, new IView()),
                new FunctionSpec("process_info", 1, 2, ERLANG, "Pid[, Item]",
                        "one process's items, or one item: current_function, current_stacktrace, backtrace (the "
                                + "stack with locks held and waited for, and who holds them), message_queue_len, "
                                + "status, registered_name, initial_call, memory, reductions, priority, group_leader, "
                                + "links (who it waits for, who waits for it)",
                        "process_info(<61>).   process_info(<61>, backtrace).",
                        (result, width) -> result.has("item")
                                ? ProcessItemView.render(RecordReader.read(result, ProcessInfoItem.class), width)
                                : info.render(result, width)),
                new FunctionSpec("backtraces", 0, 0, ERLANG, "",
                        "every thread's backtrace, as jstack shows them, with the lock each waits for and who holds "
                                + "it; stacks taken 100 threads per pause, streamed and paged",
                        "backtraces().",
                        (result, width) -> List.of(), new BacktracesView()),
                new FunctionSpec("groups", 0, 1, Set.of("recon"), "[N]",
                        "what all processes are doing, in one screen: grouped by kind (platform or virtual), state, "
                                + "the lock waited for and the top frames, biggest groups first, with an example pid "
                                + "each; the first N groups (default 10). Virtual threads are counted exactly by state "
                                + "and lock, their frames from sampled stacks (~ marks a scaled count)",
                        "groups().   recon:groups(20).",
                        (result, width) -> GroupsView.render(RecordReader.read(result, ProcessGroups.class), width)),
                new FunctionSpec("deadlocks", 0, 0, ERLANG, "",
                        "each cycle of threads waiting for each other's monitors or java.util.concurrent locks: "
                                + "who waits for which lock held by whom, where, and who is stuck behind the cycle; "
                                + "one safepoint looks at every thread's lock, no heap walk",
                        "deadlocks().",
                        (result, width) -> DeadlocksView.render(RecordReader.read(result, Deadlocks.class), width)));
    }
}
