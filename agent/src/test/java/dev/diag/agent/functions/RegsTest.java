package dev.diag.agent.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.agent.probe.AppMailboxBeans;
import dev.diag.agent.probe.JdkInternals;
import dev.diag.protocol.function.Impact;
import dev.diag.protocol.result.MailboxRow;
import dev.diag.protocol.result.Mailboxes;
import dev.diag.protocol.result.ProcessRef;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RegsTest {
    private static final CallContext CONTEXT = OneShotContext.INSTANCE;

    private final Regs regs = new Regs(JdkInternals.withoutInstrumentation());
    private final CountDownLatch gate = new CountDownLatch(1);
    private final AppMailboxBeans beans = new AppMailboxBeans();
    private ThreadPoolExecutor pool;
    private Thread writer;

    @AfterEach
    void release() throws Exception {
        gate.countDown();
        if (pool != null) {
            pool.shutdownNow();
        }
        if (writer != null) {
            writer.join(5_000);
        }
        beans.close();
    }

    @Test
    void isListedAsRegsTakingNoArgumentsAtLowImpact() {
        assertSame(Regs.class, Functions.all().find("regs").getClass());
        assertEquals(0, regs.minArity());
        assertEquals(0, regs.maxArity());
        assertEquals(Impact.Level.LOW, regs.impact().level());
    }

    @Test
    void listsMailboxesLargestFirstWithTheirOwnersByPidAndName() throws Exception {
        writer = new Thread(this::awaitGate, "audit-writer");
        writer.setDaemon(true);
        writer.start();
        beans.register("audit", new AppMailboxBeans.Queue(7, 100, writer.getId()));
        beans.register("backlog", new AppMailboxBeans.Queue(9_000, -1, 0));

        Mailboxes result = (Mailboxes) regs.call(new Args("regs", List.of()), CONTEXT);

        List<String> names = result.mailboxes().stream().map(MailboxRow::name).toList();
        assertTrue(names.indexOf("backlog") < names.indexOf("audit"), names.toString());
        MailboxRow audit = result.mailboxes().get(names.indexOf("audit"));
        assertEquals(new MailboxRow("audit", "registered", 7, 100, List.of(new ProcessRef(writer.getId(), "audit-writer"))),
                audit);
    }

    @Test
    void sendsAtMostFiftyOwnersPerMailboxAndCountsThemAll() throws Exception {
        AtomicInteger n = new AtomicInteger();
        pool = new ThreadPoolExecutor(60, 60, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> new Thread(r, "crowd-" + n.incrementAndGet()));
        pool.prestartAllCoreThreads();

        Mailboxes result = (Mailboxes) regs.call(new Args("regs", List.of()), CONTEXT);

        MailboxRow crowd = result.mailboxes().stream().filter(row -> row.name().equals("crowd")).findFirst().orElseThrow();
        assertEquals(Regs.MAX_OWNERS, crowd.owners().size());
        assertTrue(crowd.owners().stream().allMatch(owner -> owner.name().startsWith("crowd-")), crowd.toString());
        assertTrue(result.note().contains("10 owners were left out (at most 50 per mailbox are sent"), result.note());
        assertEquals(60, result.ownerCounts().get(result.mailboxes().indexOf(crowd)), "the view counts the 10 not sent");
    }

    private void awaitGate() {
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
