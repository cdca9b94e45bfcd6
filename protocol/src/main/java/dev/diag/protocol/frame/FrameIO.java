package dev.diag.protocol.frame;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Length-prefixed frames over blocking streams, for the shell's lean client. The agent does
 * the same over Netty buffers; both obey {@link FrameLimits}.
 */
public final class FrameIO {
    private FrameIO() {
    }

    /** Reads one frame body; the length is checked before the body is allocated. */
    public static byte[] read(InputStream in, int max) throws IOException {
        DataInputStream data = in instanceof DataInputStream d ? d : new DataInputStream(in);
        int length;
        try {
            length = data.readInt();
        } catch (EOFException e) {
            throw new EOFException("connection closed by the peer");
        }
        FrameLimits.check(Integer.toUnsignedLong(length), max);
        byte[] body = new byte[length];
        data.readFully(body);
        return body;
    }

    /** Writes one frame (header and body in one write, so a frame is never split by a flush). */
    public static void write(OutputStream out, byte[] body) throws IOException {
        byte[] frame = new byte[FrameLimits.HEADER_BYTES + body.length];
        frame[0] = (byte) (body.length >>> 24);
        frame[1] = (byte) (body.length >>> 16);
        frame[2] = (byte) (body.length >>> 8);
        frame[3] = (byte) body.length;
        System.arraycopy(body, 0, frame, FrameLimits.HEADER_BYTES, body.length);
        out.write(frame);
        out.flush();
    }
}
