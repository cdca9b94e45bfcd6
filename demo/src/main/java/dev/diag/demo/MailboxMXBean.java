package dev.diag.demo;

/**
 * The mailbox contract diag reads (docs/mailboxes.md). Declared here, in the app's own package:
 * diag matches the attributes by name, so the app needs no diag library.
 */
public interface MailboxMXBean {
    int getSize();

    int getCapacity();

    long getOwnerThreadId();
}
