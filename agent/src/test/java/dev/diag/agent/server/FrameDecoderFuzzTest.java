package dev.diag.agent.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.diag.protocol.frame.FrameLimits;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.Arrays;

/**
 * Any byte stream a peer can send before it authenticates, cut into reads of any size: the
 * agent's {@link FrameDecoder} hands on only bodies within the cap, closes the connection on a
 * length over it, and never throws into the pipeline. Inputs that once failed are kept in
 * {@code FrameDecoderFuzzTestInputs/}.
 */
class FrameDecoderFuzzTest {

    /** The first byte sets the size of each read (1 to 256), as the kernel hands bytes over in pieces. */
    @FuzzTest(maxDuration = "30s")
    void splitsAnyStreamIntoBodiesWithinTheCapOrClosesTheConnection(byte[] input) {
        if (input.length == 0) {
            return;
        }
        int read = 1 + (input[0] & 0xff);
        EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder());
        for (int at = 1; at < input.length && channel.isOpen(); at += read) {
            // writeInbound rethrows whatever the pipeline caught: a finding
            channel.writeInbound(Unpooled.wrappedBuffer(Arrays.copyOfRange(input, at, Math.min(input.length, at + read))));
            for (Object body; (body = channel.readInbound()) != null; ) {
                assertTrue(((byte[]) body).length <= FrameLimits.PRE_AUTH_MAX, "a body over the cap");
            }
        }
        channel.finishAndReleaseAll();
    }
}
