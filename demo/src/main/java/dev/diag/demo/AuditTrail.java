package dev.diag.demo;

import java.lang.management.ManagementFactory;
import java.util.concurrent.LinkedBlockingQueue;
import javax.management.ObjectName;

/**
 * An audit trail written by its own thread from a queue, registered as a mailbox the way any app
 * can: a standard MXBean named {@code dev.diag:type=Mailbox,name=...} with its size, capacity and
 * owner thread (docs/mailboxes.md). No dependency on diag: just JMX.
 */
final class AuditTrail {
    private final LinkedBlockingQueue<Integer> queue = new LinkedBlockingQueue<>(10_000);
    private final Thread writer = new Thread(this::drain, "audit-writer");

    static AuditTrail start() {
        AuditTrail trail = new AuditTrail();
        trail.writer.setDaemon(true);
        trail.writer.start();
        try {
            ManagementFactory.getPlatformMBeanServer().registerMBean(new QueueMailbox(trail.queue, trail.writer),
                    new ObjectName("dev.diag:type=Mailbox,name=audit"));
        } catch (Exception e) {
            System.out.println("demo: audit mailbox not registered: " + e);
        }
        return trail;
    }

    void record(int request) {
        queue.offer(request); // audit is best effort: a full trail drops, it never blocks a request
    }

    private void drain() {
        try {
            while (true) {
                queue.take();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
