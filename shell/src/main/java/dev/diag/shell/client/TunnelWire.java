package dev.diag.shell.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A session over a {@code --via} command's stdin and stdout, as ssh speaks to its ProxyCommand.
 * A pipe has no read timeout, so one daemon thread copies the command's stdout into a small
 * queue (16 chunks: when the shell reads slowly the pipe fills and the far end waits, as TCP
 * would make it) that reads wait on with the timeout; another keeps the last lines of its stderr,
 * which say why it ended ({@link TunnelFailure}). {@link #close} ends the command and every
 * process it started, and waits for them; {@link TunnelChildren} does the same when the shell
 * exits while a session is still open.
 * Cost: a process and two threads per session.
 */
final class TunnelWire implements Wire {
    private static final byte[] END = new byte[0];
    private static final int CHUNKS = 16;
    private static final int STDERR_LINES = 20;
    /** How long an ended command may take to exit and finish its stderr before we judge it. */
    private static final long EXIT_WAIT_MILLIS = 2_000;

    private final ViaCommand command;
    private final String host;
    private final int port;
    private final Process process;
    private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(CHUNKS);
    private final Deque<String> stderr = new ArrayDeque<>();
    private final Thread stderrReader;
    private final InputStream input = new QueueInput();
    private final OutputStream output;
    private volatile int timeoutMillis;
    private volatile boolean closed;

    private TunnelWire(ViaCommand command, String host, int port, Process process) {
        this.command = command;
        this.host = host;
        this.port = port;
        this.process = process;
        this.output = new CommandInput(process.getOutputStream());
        daemon("diag-via-out", this::copyStdout).start();
        this.stderrReader = daemon("diag-via-err", this::keepStderr);
        stderrReader.start();
    }

    /** Starts the command as written for {@code host:port}, a process of its own. */
    static TunnelWire start(ViaCommand command, String host, int port) throws IOException {
        return start(command, host, port, command.expand(host, port));
    }

    /**
     * Starts {@code line}, the command expanded for {@code host:port} (and perhaps multiplexed,
     * {@link SshMasters}); a command that cannot start at all is a {@link TunnelException}.
     */
    static TunnelWire start(ViaCommand command, String host, int port, String line) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", "exec " + line);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new TunnelException(dev.diag.shell.cli.ExitCode.USAGE, "/bin/sh cannot start the --via command "
                    + command + " (" + e.getMessage() + ")", "run diag where /bin/sh exists");
        }
        TunnelWire wire = new TunnelWire(command, host, port, process);
        TunnelChildren.add(wire);
        return wire;
    }

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public OutputStream output() {
        return output;
    }

    @Override
    public void readTimeout(int millis) {
        timeoutMillis = millis;
    }

    /** The command's process, for tests that it is gone. */
    ProcessHandle process() {
        return process.toHandle();
    }

    @Override
    public void close() {
        TunnelChildren.remove(this);
        end();
    }

    /** Ends the command and whatever it started (a pipeline's other members), and reaps them. */
    void end() {
        closed = true;
        chunks.clear();
        chunks.offer(END); // wakes a read waiting on us, as closing a socket does
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy(); // ssh exits on SIGTERM at once; its stdin closing would end it too
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(1, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                children.forEach(ProcessHandle::destroyForcibly);
                process.waitFor(1, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void copyStdout() {
        try (InputStream out = process.getInputStream()) {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = out.read(buffer)) > 0 && deliver(java.util.Arrays.copyOf(buffer, n))) {
                // the queue holds it until the session reads it
            }
        } catch (IOException e) {
            // closed under us: the end marker below tells the reader
        } finally {
            deliver(END);
        }
    }

    /** Queues a chunk, waiting while the queue is full; false once the wire is closed and nobody will read. */
    private boolean deliver(byte[] chunk) {
        try {
            while (!closed) {
                if (chunks.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private void keepStderr() {
        try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null) {
                synchronized (stderr) {
                    stderr.addLast(line.length() > 300 ? line.substring(0, 300) : line);
                    if (stderr.size() > STDERR_LINES) {
                        stderr.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            // the command is gone; what it said so far is kept
        }
    }

    /** Why the command's stdout ended: null when it ended quietly (status 0, nothing said). */
    private IOException ended() throws IOException {
        try {
            if (!process.waitFor(EXIT_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                return null; // it closed its stdout but lives on: the peer hung up
            }
            stderrReader.join(EXIT_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted");
        }
        List<String> said;
        synchronized (stderr) {
            said = new ArrayList<>(stderr);
        }
        return TunnelFailure.of(command, host, port, process.exitValue(), said);
    }

    private static Thread daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true); // never keeps the shell alive; close() ends the command they read
        return thread;
    }

    /** The command's stdin: a write that fails because the command ended says why it ended. */
    private final class CommandInput extends java.io.FilterOutputStream {
        CommandInput(OutputStream pipe) {
            super(pipe);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            try {
                out.write(bytes, offset, length);
            } catch (IOException e) {
                IOException why = ended();
                throw why != null ? why : e;
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                IOException why = ended();
                throw why != null ? why : e;
            }
        }
    }

    /** The command's stdout as the session reads it: waits at most the read timeout for each chunk. */
    private final class QueueInput extends InputStream {
        private byte[] current = new byte[0];
        private int position;
        private boolean atEnd;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (position == current.length && !next()) {
                return -1;
            }
            int n = Math.min(length, current.length - position);
            System.arraycopy(current, position, into, offset, n);
            position += n;
            return n;
        }

        /** The next chunk; false at the end of the stream (or the reason it ended, thrown). */
        private boolean next() throws IOException {
            if (atEnd) {
                return false;
            }
            byte[] chunk;
            try {
                int timeout = timeoutMillis;
                chunk = timeout == 0 ? chunks.take() : chunks.poll(timeout, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted");
            }
            if (chunk == null) {
                throw new SocketTimeoutException("no answer through " + command + " within " + timeoutMillis + " ms");
            }
            if (chunk == END) {
                atEnd = true;
                if (closed) {
                    throw new SocketException("the --via tunnel was closed");
                }
                IOException why = ended();
                if (why != null) {
                    throw why;
                }
                return false;
            }
            current = chunk;
            position = 0;
            return true;
        }
    }
}
