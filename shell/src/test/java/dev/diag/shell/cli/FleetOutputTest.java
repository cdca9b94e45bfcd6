package dev.diag.shell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class FleetOutputTest {
    /** stdout and stderr into one list, in the order they were written, errors marked. */
    private final List<String> seen = new ArrayList<>();
    private final PrintStream out = new PrintStream(recorder(""), true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(recorder("ERR "), true, StandardCharsets.UTF_8);

    @Test
    void theFirstBlockWritesThroughAndLaterOnesWaitTheirTurn() {
        FleetOutput blocks = new FleetOutput(out, err, 3);
        blocks.out(2).println("c1");
        blocks.out(1).println("b1");
        blocks.out(0).println("a1");
        assertEquals(List.of("a1"), seen);

        blocks.finish(2); // done, but two blocks before it are not
        blocks.out(1).println("b2");
        assertEquals(List.of("a1"), seen);

        blocks.finish(0); // block 1 prints what it has so far and goes on live; block 2 still waits
        assertEquals(List.of("a1", "b1", "b2"), seen);
        blocks.out(1).println("b3");
        assertEquals(List.of("a1", "b1", "b2", "b3"), seen);

        blocks.finish(1);
        assertEquals(List.of("a1", "b1", "b2", "b3", "c1"), seen);
    }

    @Test
    void aBlockKeepsTheOrderOfItsStdoutAndStderr() {
        FleetOutput blocks = new FleetOutput(out, err, 2);
        blocks.out(1).println("== b ==");
        blocks.err(1).println("b: lost");
        blocks.out(1).println("after");
        blocks.finish(1);
        blocks.finish(0);
        assertEquals(List.of("== b ==", "ERR b: lost", "after"), seen);
    }

    @Test
    void linesOfConcurrentBlocksNeverInterleave() throws Exception {
        int nodes = 8;
        int lines = 500;
        FleetOutput blocks = new FleetOutput(out, err, nodes);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int n = 0; n < nodes; n++) {
            int node = n;
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < lines; i++) {
                    blocks.out(node).println(node + ":" + i);
                }
                blocks.finish(node);
            }, "writer-" + n);
            thread.start();
            threads.add(thread);
        }
        go.countDown();
        for (Thread thread : threads) {
            thread.join(10_000);
            assertFalse(thread.isAlive(), thread.getName() + " did not write its " + lines + " lines within 10 s");
        }
        List<String> expected = new ArrayList<>();
        for (int n = 0; n < nodes; n++) {
            for (int i = 0; i < lines; i++) {
                expected.add(n + ":" + i);
            }
        }
        assertEquals(expected, seen);
    }

    @Test
    void linePrefixMarksTheStartOfEveryLine() {
        FleetOutput blocks = new FleetOutput(out, err, 1);
        PrintStream prefixed = new PrintStream(new FleetOutput.LinePrefix(blocks.err(0), "orders@vm: "), true,
                StandardCharsets.UTF_8);
        prefixed.print("one");
        prefixed.println(" line");
        prefixed.println("two");
        assertEquals(List.of("ERR orders@vm: one line", "ERR orders@vm: two"), seen);
    }

    @Test
    void anIndentedLineContinuesTheMessageAboveItAndGetsNoPrefix() {
        FleetOutput blocks = new FleetOutput(out, err, 1);
        PrintStream prefixed = FleetOutput.prefixed(blocks.err(0), "diag: ");
        prefixed.println("refused; nothing was changed. 1 problem:\n  live.Counter adds field calls");
        assertEquals(List.of("ERR diag: refused; nothing was changed. 1 problem:", "ERR   live.Counter adds field calls"),
                seen);
    }

    /** Collects whole lines; bytes of a line may arrive in several writes. */
    private OutputStream recorder(String mark) {
        return new OutputStream() {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream();

            @Override
            public void write(int b) {
                synchronized (seen) {
                    if (b == '\n') {
                        seen.add(mark + line.toString(StandardCharsets.UTF_8));
                        line.reset();
                    } else {
                        line.write(b);
                    }
                }
            }
        };
    }
}
