package dev.diag.protocol.result;

import java.util.List;

/**
 * {@code regs()}: every mailbox the agent found or the app registered, largest first, and what it
 * could not see. A row names at most a few dozen owners; {@code ownerCounts} says how many threads
 * drain each mailbox, in the order of {@code mailboxes} (null from agents before it was sent, and
 * where the rows name them all).
 */
public record Mailboxes(List<MailboxRow> mailboxes, String note, List<Integer> ownerCounts) {

    public Mailboxes(List<MailboxRow> mailboxes, String note) {
        this(mailboxes, note, null);
    }
}
