package dev.diag.agent.probe.frameworks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import dev.diag.agent.probe.JdkInternals;
import dev.diag.agent.probe.LiveThreads;
import dev.diag.agent.probe.Mailbox;
import dev.diag.agent.probe.MailboxFinder;
import dev.diag.agent.probe.MailboxSnapshot;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real LMAX Disruptor in this JVM, its one consumer stuck: the ring's fill level is the consumer's mailbox. */
class DisruptorRingBuffersTest {
    private final CountDownLatch stuck = new CountDownLatch(1);
    private Disruptor<long[]> disruptor;

    @AfterEach
    void release() {
        stuck.countDown();
        if (disruptor != null) {
            disruptor.halt();
        }
    }

    @Test
    void theRingsFillLevelIsItsConsumersMailbox() throws Exception {
        AtomicInteger n = new AtomicInteger();
        disruptor = new Disruptor<>(() -> new long[1], 16, r -> {
            Thread thread = new Thread(r, "AsyncLoggerConfig-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }, ProducerType.MULTI, new BlockingWaitStrategy());
        EventHandler<long[]> handler = (event, sequence, endOfBatch) -> stuck.await();
        disruptor.handleEventsWith(handler);
        RingBuffer<long[]> ring = disruptor.start();
        int published = 0;
        while (ring.tryPublishEvent((event, sequence) -> event[0] = sequence)) {
            published++;
        }
        assertTrue(published >= 16, "published " + published);

        MailboxSnapshot boxes = new MailboxFinder(JdkInternals.withoutInstrumentation())
                .scan(LiveThreads.byId().values());
        Mailbox mailbox = boxes.all().stream().filter(m -> m.kind().equals("disruptor")).findFirst().orElseThrow();
        assertEquals("AsyncLoggerConfig", mailbox.name());
        assertEquals(16, mailbox.capacity());
        assertEquals(16, mailbox.size(), "the ring is full: the stuck consumer has not released a slot");
        Thread consumer = LiveThreads.byId().get(mailbox.ownerThreadIds().get(0));
        assertEquals("AsyncLoggerConfig-1", consumer.getName());
        assertEquals(mailbox, boxes.servedBy(consumer.getId()).orElseThrow());
    }

    @Test
    void aProcessorWithoutItsRingIsAVersionItDoesNotKnow() {
        DisruptorRingBuffers adapter = new DisruptorRingBuffers(JdkInternals.withoutInstrumentation());
        RingBuffer<long[]> ring = RingBuffer.createMultiProducer(() -> new long[1], 8);
        BatchEventProcessor<long[]> processor = new BatchEventProcessor<>(ring, ring.newBarrier(),
                (event, sequence, endOfBatch) -> { });
        // holderOf falls back to the processor itself when it finds no dataProvider: mailboxes() says so
        NoSuchFieldException thrown = assertThrows(NoSuchFieldException.class,
                () -> adapter.mailboxes(processor, List.of(Thread.currentThread())));
        assertEquals("dataProvider", thrown.getMessage());
        assertEquals(ring, adapter.holderOf(Thread.currentThread(), processor));
    }

    @Test
    void namesTheMailboxAfterItsConsumerWithoutTheCounter() {
        assertEquals("AsyncLogger[AsyncContext@5e2de80c]",
                DisruptorRingBuffers.name(List.of(new Thread("Log4j2-TF-1-AsyncLogger[AsyncContext@5e2de80c]-1"))));
        assertEquals("AsyncLoggerConfig",
                DisruptorRingBuffers.name(List.of(new Thread("Log4j2-TF-2-AsyncLoggerConfig-2"))));
        assertEquals("disruptor", DisruptorRingBuffers.name(List.of(new Thread("Thread-3"))));
    }
}
