package dev.diag.protocol.result;

import java.util.List;

/** {@code regs()}: every mailbox the agent found or the app registered, largest first, and what it could not see. */
public record Mailboxes(List<MailboxRow> mailboxes, String note) {
}
