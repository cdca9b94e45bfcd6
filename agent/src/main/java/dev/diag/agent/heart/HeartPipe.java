package dev.diag.agent.heart;

import dev.diag.protocol.result.HeartCommand;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * What the node tells heart over heart's stdin, a pipe only the two of them hold. One byte says
 * what follows; lengths are 4-byte big-endian and checked before anything is allocated.
 *
 * <pre>
 * +-----+                                  beat: the node ran Java code and its checks passed
 * | 'B' |                                  (about once a second)
 * +-----+--------------+-----------------+
 * | 'W' | length: u32  | reason: UTF-8   |  withheld: the node runs, a health check fails; no beat
 * +-----+--------------+-----------------+  (sent when the reason changes; heart logs it)
 * | 'C' | length: u32  | command: UTF-8  |  the restart command from now on; length 0: none
 * +-----+--------------+-----------------+
 * | 'Q' |                                  goodbye: a clean exit or the agent stopped; no restart
 * +-----+
 * </pre>
 *
 * The end of the pipe without a goodbye means the node's process is gone (every descriptor of a
 * dead process is closed), or about to be.
 */
public final class HeartPipe {
    static final int BEAT = 'B';
    static final int WITHHELD = 'W';
    static final int COMMAND = 'C';
    static final int GOODBYE = 'Q';
    static final int MAX_REASON_BYTES = 4096;

    private HeartPipe() {
    }

    /** The node's end: every method writes one whole message, so the beat thread and calls may share it. */
    public static final class Writer {
        private final OutputStream out;

        public Writer(OutputStream out) {
            this.out = out;
        }

        public synchronized void beat() throws IOException {
            out.write(BEAT);
            out.flush();
        }

        public synchronized void withheld(String reason) throws IOException {
            text(WITHHELD, cut(reason.getBytes(StandardCharsets.UTF_8), MAX_REASON_BYTES));
        }

        /** Sends the command as UTF-8 bytes, at most {@link HeartCommand#MAX_BYTES}. */
        public synchronized void command(String command) throws IOException {
            byte[] bytes = command.getBytes(StandardCharsets.UTF_8);
            if (bytes.length > HeartCommand.MAX_BYTES) {
                throw new IllegalArgumentException("a command of " + bytes.length + " bytes");
            }
            text(COMMAND, bytes);
        }

        public synchronized void goodbye() throws IOException {
            out.write(GOODBYE);
            out.flush();
        }

        private void text(int kind, byte[] bytes) throws IOException {
            byte[] message = new byte[5 + bytes.length];
            message[0] = (byte) kind;
            message[1] = (byte) (bytes.length >>> 24);
            message[2] = (byte) (bytes.length >>> 16);
            message[3] = (byte) (bytes.length >>> 8);
            message[4] = (byte) bytes.length;
            System.arraycopy(bytes, 0, message, 5, bytes.length);
            out.write(message); // one write: heart never sees half a message interleaved with a beat
            out.flush();
        }

        private static byte[] cut(byte[] bytes, int max) {
            return bytes.length <= max ? bytes : java.util.Arrays.copyOf(bytes, max);
        }
    }

    /** What heart does with each message; called on heart's reading thread. */
    public interface Listener {
        void beat();

        void withheld(String reason);

        /** The command's exact bytes (empty: none); heart never decodes them, sh reads them. */
        void command(byte[] command);

        void goodbye();

        /** The pipe ended (the node is gone) or carried something that is not a message. */
        void ended(String why);
    }

    /** Heart's end: reads messages until the pipe ends, then calls {@link Listener#ended} once. */
    public static void read(InputStream in, Listener listener) {
        DataInputStream data = new DataInputStream(in);
        try {
            while (true) {
                int kind = data.read();
                switch (kind) {
                    case -1 -> {
                        listener.ended("the pipe closed");
                        return;
                    }
                    case BEAT -> listener.beat();
                    case WITHHELD -> listener.withheld(new String(bytes(data, MAX_REASON_BYTES), StandardCharsets.UTF_8));
                    case COMMAND -> listener.command(bytes(data, HeartCommand.MAX_BYTES));
                    case GOODBYE -> listener.goodbye();
                    default -> {
                        listener.ended("the pipe carried byte " + kind + ", which is no message");
                        return;
                    }
                }
            }
        } catch (EOFException e) {
            listener.ended("the pipe closed in the middle of a message");
        } catch (IOException e) {
            listener.ended("reading the pipe failed: " + e.getMessage());
        }
    }

    private static byte[] bytes(DataInputStream data, int max) throws IOException {
        int length = data.readInt();
        if (length < 0 || length > max) {
            throw new IOException("a message of " + Integer.toUnsignedString(length) + " bytes (at most " + max + ")");
        }
        byte[] bytes = new byte[length];
        data.readFully(bytes);
        return bytes;
    }
}
