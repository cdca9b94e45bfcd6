package dev.diag.protocol.result;

import java.util.List;

/**
 * One row of {@code top()}, sent once per interval: heap used, committed and max (max -1 when
 * undefined) with the heap used of the call's last samples oldest first (up to a minute), the
 * live thread count, the threads that used the most CPU during the interval, the largest
 * mailboxes, and what the sample could not see. A mailbox names at most a few of its owners;
 * {@code mailboxOwners} says how many threads drain each, in the order of {@code mailboxes}
 * (null from agents before it was sent).
 */
public record TopSample(int sample, long intervalMillis, long heapUsed, long heapCommitted, long heapMax,
        List<Long> heapHistory, int processes, List<TopProcess> byCpu, List<MailboxRow> mailboxes,
        List<Integer> mailboxOwners, String note) {
}
