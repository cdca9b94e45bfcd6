package dev.diag.agent.functions;

import dev.diag.agent.probe.JdkInternals;
import dev.diag.agent.probe.LiveThreads;
import dev.diag.agent.probe.Mailbox;
import dev.diag.agent.probe.MailboxFinder;
import dev.diag.agent.probe.MailboxSnapshot;
import dev.diag.protocol.function.Declaration;
import dev.diag.protocol.result.MailboxRow;
import dev.diag.protocol.result.Mailboxes;
import dev.diag.protocol.result.PoolThreads;
import dev.diag.protocol.result.ProcessRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code regs()}: every mailbox, largest first (by backlog: a scheduled executor's tasks not yet due
 * are listed apart and do not count): the executors, fork-join pools and framework queues the live
 * threads work for, found without app changes, and the queues the app registered as
 * {@code dev.diag:type=Mailbox} MXBeans. Erlang's regs() lists registered processes with their
 * queue lengths; here the mailbox comes first and its owners are the threads that drain it.
 *
 * Low impact: one pass over the live threads' task fields (no stacks, no safepoint), one
 * size() per pool, the registered beans' getters. The reply is bounded: at most
 * {@value #MAX_ROWS} mailboxes and {@value #MAX_OWNERS} owners each; the note says what was cut.
 */
final class Regs extends FunctionBase {
    static final int MAX_ROWS = 500;
    static final int MAX_OWNERS = 50;

    private final MailboxFinder finder;

    Regs(JdkInternals internals) {
        super(Declaration.REGS);
        this.finder = new MailboxFinder(internals);
    }

    @Override
    public Object call(Args args, CallContext context) {
        Map<Long, Thread> live = LiveThreads.byId();
        MailboxSnapshot snapshot = finder.scan(live.values());
        List<Mailbox> all = snapshot.all();
        List<MailboxRow> rows = new ArrayList<>(Math.min(all.size(), MAX_ROWS));
        List<Integer> ownerCounts = new ArrayList<>(Math.min(all.size(), MAX_ROWS));
        int ownersCut = 0;
        for (Mailbox mailbox : all.subList(0, Math.min(all.size(), MAX_ROWS))) {
            MailboxRow row = row(mailbox, live, MAX_OWNERS);
            ownersCut += mailbox.ownerThreadIds().size() - row.owners().size();
            rows.add(row);
            ownerCounts.add(mailbox.ownerThreadIds().size()); // the view's "… N more" counts the owners not sent
        }
        return new Mailboxes(rows, note(snapshot.note(), all.size() - rows.size(), ownersCut),
                ownerCounts.isEmpty() ? null : ownerCounts);
    }

    /** A mailbox as sent, with at most {@code maxOwners} owners named from {@code live}; top() shows them too. */
    static MailboxRow row(Mailbox mailbox, Map<Long, Thread> live, int maxOwners) {
        List<Long> ids = mailbox.ownerThreadIds();
        List<ProcessRef> owners = new ArrayList<>(Math.min(ids.size(), maxOwners));
        for (Long id : ids.subList(0, Math.min(ids.size(), maxOwners))) {
            Thread thread = live.get(id);
            owners.add(new ProcessRef(id, thread == null ? null : thread.getName()));
        }
        PoolThreads threads = mailbox.busy() == null || mailbox.maxThreads() == null ? null
                : new PoolThreads(mailbox.busy(), mailbox.maxThreads());
        return new MailboxRow(mailbox.name(), mailbox.kind(), mailbox.size(), mailbox.capacity(), owners,
                mailbox.scheduled(), threads);
    }

    private static String note(String seen, int rowsCut, int ownersCut) {
        List<String> parts = new ArrayList<>(3);
        if (seen != null) {
            parts.add(seen);
        }
        if (rowsCut > 0) {
            parts.add(rowsCut + " smaller mailboxes were left out (at most " + MAX_ROWS + " are sent).");
        }
        if (ownersCut > 0) {
            parts.add(ownersCut + " owners were left out (at most " + MAX_OWNERS + " per mailbox are sent; i() lists "
                    + "every thread with its mailbox).");
        }
        return parts.isEmpty() ? null : String.join(" ", parts);
    }
}
