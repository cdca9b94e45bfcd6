package dev.diag.shell.jobs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Where a job's output goes: straight to the terminal while the job is the one the user is
 * connected to, else into a buffer that {@link #attach} replays, as Erlang holds a background
 * job's output until you connect to it. The buffer is bounded; past it, output is dropped and
 * the replay says how much.
 */
public final class JobOutput extends OutputStream {
    static final int MAX_BUFFERED = 1 << 20;

    private final OutputStream terminal;
    private final ByteArrayOutputStream held = new ByteArrayOutputStream();
    private boolean attached;
    private long dropped;

    public JobOutput(OutputStream terminal) {
        this.terminal = terminal;
    }

    /** A PrintStream over this output, flushing each line. */
    public PrintStream printStream() {
        return new PrintStream(this, true);
    }

    /** From now on output goes to the terminal; what was held is written first. */
    public synchronized void attach() throws IOException {
        attached = true;
        held.writeTo(terminal);
        held.reset();
        if (dropped > 0) {
            terminal.write(("(" + dropped + " bytes of this job's output were dropped while it ran in the background)"
                    + System.lineSeparator()).getBytes());
            dropped = 0;
        }
        terminal.flush();
    }

    /** From now on output is held. */
    public synchronized void detach() {
        attached = false;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        if (attached) {
            terminal.write(bytes, offset, length);
        } else if (held.size() + length <= MAX_BUFFERED) {
            held.write(bytes, offset, length);
        } else {
            dropped += length;
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        if (attached) {
            terminal.flush();
        }
    }
}
