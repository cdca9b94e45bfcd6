package dev.diag.shell.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Keeps the output of several nodes, written concurrently, in blocks: one block per node, in the
 * order the nodes were given, never two nodes' lines interleaved. The first unfinished node
 * writes straight through (a long listing streams as it comes); the others write to memory until
 * every node before them is done, then their block is printed at once and they continue live.
 * Within a block, stdout and stderr keep the order they were written in, so on a terminal an
 * error shows under its node's header.
 * <pre>
 *   FleetOutput blocks = new FleetOutput(System.out, System.err, 3);
 *   // on node i's thread: print to blocks.out(i) and blocks.err(i), then blocks.finish(i)
 * </pre>
 * Cost: a buffered block is held in memory until its turn, so a huge listing from a node that is
 * not first waits in the heap (the shell's limits bound every listing by default).
 */
public final class FleetOutput {
    private final PrintStream out;
    private final PrintStream err;
    private final Lane[] lanes;
    private int head; // the block now writing through; every block before it is printed and done

    public FleetOutput(PrintStream out, PrintStream err, int blocks) {
        this.out = out;
        this.err = err;
        this.lanes = new Lane[blocks];
        for (int i = 0; i < blocks; i++) {
            lanes[i] = new Lane();
        }
    }

    /** Block {@code i}'s stdout; use it from one thread at a time. */
    public PrintStream out(int i) {
        return lanes[i].out;
    }

    /** Block {@code i}'s stderr; use it from one thread at a time. */
    public PrintStream err(int i) {
        return lanes[i].err;
    }

    /** Block {@code i} is complete: print it, and any finished blocks after it, if its turn came. */
    public void finish(int i) {
        lanes[i].out.flush();
        lanes[i].err.flush();
        synchronized (this) {
            lanes[i].done = true;
            while (head < lanes.length && lanes[head].done) {
                head++;
                if (head < lanes.length) {
                    lanes[head].goLive();
                }
            }
        }
    }

    private synchronized void write(Lane lane, boolean toErr, byte[] bytes, int offset, int length) {
        if (lane == lanes[head]) {
            PrintStream target = toErr ? err : out;
            target.write(bytes, offset, length);
            target.flush();
            return;
        }
        lane.held.add(new Held(toErr, Arrays.copyOfRange(bytes, offset, offset + length)));
    }

    /** One block: what it wrote before its turn, in order, with where each piece goes. */
    private final class Lane {
        final List<Held> held = new ArrayList<>();
        final PrintStream out = new PrintStream(new LaneStream(this, false), true, StandardCharsets.UTF_8);
        final PrintStream err = new PrintStream(new LaneStream(this, true), true, StandardCharsets.UTF_8);
        boolean done;

        /** Called under the FleetOutput lock when this lane becomes the head. */
        void goLive() {
            for (Held piece : held) {
                PrintStream target = piece.toErr ? FleetOutput.this.err : FleetOutput.this.out;
                target.write(piece.bytes, 0, piece.bytes.length);
                target.flush();
            }
            held.clear();
        }
    }

    private record Held(boolean toErr, byte[] bytes) {
    }

    private final class LaneStream extends OutputStream {
        private final Lane lane;
        private final boolean toErr;

        LaneStream(Lane lane, boolean toErr) {
            this.lane = lane;
            this.toErr = toErr;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            FleetOutput.this.write(lane, toErr, bytes, offset, length);
        }
    }

    /** {@code target} with {@code prefix} before every line written through it ("diag: " on stderr). */
    static PrintStream prefixed(PrintStream target, String prefix) {
        return new PrintStream(new LinePrefix(target, prefix), true, StandardCharsets.UTF_8);
    }

    /**
     * Prefixes every line written through it, e.g. with the node's name on a fleet's stderr, but
     * an indented one: that continues the message above it.
     */
    static final class LinePrefix extends OutputStream {
        private final PrintStream target;
        private final byte[] prefix;
        private boolean atLineStart = true;

        LinePrefix(PrintStream target, String prefix) {
            this.target = target;
            this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(length + prefix.length);
            for (int i = offset; i < offset + length; i++) {
                // an indented line continues the message above it (a list of problems): no prefix
                if (atLineStart && bytes[i] != ' ' && bytes[i] != '\t') {
                    line.writeBytes(prefix);
                }
                line.write(bytes[i]);
                atLineStart = bytes[i] == '\n';
            }
            target.write(line.toByteArray(), 0, line.size());
            target.flush();
        }
    }
}
