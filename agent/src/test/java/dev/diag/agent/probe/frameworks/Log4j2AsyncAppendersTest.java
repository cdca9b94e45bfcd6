package dev.diag.agent.probe.frameworks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.agent.probe.JdkInternals;
import dev.diag.agent.probe.LiveThreads;
import dev.diag.agent.probe.Mailbox;
import dev.diag.agent.probe.MailboxFinder;
import dev.diag.agent.probe.MailboxSnapshot;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.appender.AsyncAppender;
import org.apache.logging.log4j.core.config.AppenderRef;
import org.apache.logging.log4j.core.config.DefaultConfiguration;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The real log4j-core's AsyncAppender in this JVM, its appender stuck: the queue fills and a
 * producer blocks in put(); the dispatcher thread's mailbox is the queue, named after the appender.
 */
class Log4j2AsyncAppendersTest {
    private final CountDownLatch stuck = new CountDownLatch(1);
    private final CountDownLatch entered = new CountDownLatch(1);
    private final DefaultConfiguration config = new DefaultConfiguration();
    private AsyncAppender async;
    private Thread producer;

    /** An appender whose disk stopped answering. */
    private final class StuckAppender extends AbstractAppender {
        StuckAppender() {
            super("STUCK", null, null, true, Property.EMPTY_ARRAY);
        }

        @Override
        public void append(LogEvent event) {
            entered.countDown();
            try {
                stuck.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @AfterEach
    void release() throws Exception {
        stuck.countDown();
        if (producer != null) {
            producer.join(5_000);
        }
        if (async != null) {
            async.stop(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void theAppendersQueueIsItsDispatchersMailboxAndABlockedProducerWaitsOnIt() throws Exception {
        StuckAppender appender = new StuckAppender();
        appender.start();
        config.addAppender(appender);
        async = AsyncAppender.newBuilder().setName("ASYNC").setConfiguration(config).setBufferSize(8).setBlocking(true)
                .setAppenderRefs(new AppenderRef[] {AppenderRef.createAppenderRef("STUCK", null, null)}).build();
        async.start();
        producer = new Thread(() -> {
            for (int i = 0; i < 10; i++) { // 1 in the stuck appender, 8 queued, the 10th blocks in put
                async.append(Log4jLogEvent.newBuilder().setLoggerName("orders").setLevel(Level.INFO)
                        .setMessage(new SimpleMessage("order " + i)).build());
                if (i == 0) {
                    awaitQuietly(entered); // the dispatcher holds the first: the queue only grows from here
                }
            }
        }, "request-handler-1");
        producer.setDaemon(true);
        producer.start();
        awaitTrue(() -> producer.getState() == Thread.State.WAITING);

        MailboxSnapshot boxes = new MailboxFinder(JdkInternals.withoutInstrumentation())
                .scan(LiveThreads.byId().values());
        Mailbox mailbox = boxes.all().stream().filter(m -> m.name().equals("ASYNC")).findFirst()
                .orElseThrow(() -> new AssertionError(boxes.all() + " " + boxes.note()));
        assertEquals("log4j2", mailbox.kind());
        assertEquals(8, mailbox.size());
        assertEquals(8, mailbox.capacity());
        Thread dispatcher = LiveThreads.byId().get(mailbox.ownerThreadIds().get(0));
        String name = dispatcher.getName();
        assertTrue(name.startsWith("Log4j2-AsyncAppenderEventDispatcher-") && name.endsWith("-ASYNC"), name);
        assertEquals(mailbox, boxes.servedBy(dispatcher.getId()).orElseThrow());
        assertEquals(mailbox, boxes.waitedOnBy(producer).orElseThrow(), "the producer parked in put()");
    }

    @Test
    void aQueueItCannotFindIsAVersionItDoesNotKnow() {
        Log4j2AsyncAppenders adapter = new Log4j2AsyncAppenders(JdkInternals.withoutInstrumentation());
        FrameworkThreads threads = new FrameworkThreads(List.of(new AsIfWithoutQueue(adapter)));
        assertTrue(threads.claim(Thread.currentThread(), null));
        List<String> notes = new java.util.ArrayList<>();
        assertEquals(List.of(), threads.mailboxes(notes));
        assertEquals(List.of("the queues of log4j2 AsyncAppender could not be read (NoSuchFieldException queue): "
                + "a version diag does not know"), notes);
    }

    @Test
    void namesTheMailboxAfterTheAppenderInTheDispatchersName() {
        assertEquals("ASYNC", Log4j2AsyncAppenders.appenderName("Log4j2-AsyncAppenderEventDispatcher-1-ASYNC"));
        assertEquals("ASYNC", Log4j2AsyncAppenders.appenderName("AsyncAppenderEventDispatcher-1-ASYNC"));
        assertEquals("a-b", Log4j2AsyncAppenders.appenderName("AsyncAppenderEventDispatcher-12-a-b"));
        assertEquals("log-writer", Log4j2AsyncAppenders.appenderName("log-writer"));
    }

    /**
     * The real adapter, as if a log4j2 of another layout had a dispatcher without {@code queue}:
     * it claims the test's thread, whose holder (a plain Thread) has no such field.
     */
    private record AsIfWithoutQueue(Log4j2AsyncAppenders real) implements FrameworkQueues {
        @Override
        public String framework() {
            return real.framework();
        }

        @Override
        public Object holderOf(Thread thread, Object task) {
            return thread;
        }

        @Override
        public List<dev.diag.agent.probe.MailboxCandidate> mailboxes(Object holder, List<Thread> workers)
                throws ReflectiveOperationException {
            return real.mailboxes(holder, workers);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s");
            }
            Thread.sleep(10);
        }
    }
}
