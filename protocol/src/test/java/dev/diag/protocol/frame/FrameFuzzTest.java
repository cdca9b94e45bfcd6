package dev.diag.protocol.frame;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.diag.protocol.message.MalformedMessageException;
import dev.diag.protocol.message.MessageCodec;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;

/**
 * Any bytes a peer can send, read as the shell reads them ({@link FrameIO}): each frame comes out
 * as a body within its cap or as an {@link IOException}, and each body read as a session message
 * (by the shell's reader and the agent's) is a message or a {@link MalformedMessageException}, nothing else: no other exception, no
 * allocation beyond the cap. Inputs that once failed are kept in {@code FrameFuzzTestInputs/}.
 */
class FrameFuzzTest {
    /** Above the handshake's cap, small enough that a fuzzer's millions of frames stay quick. */
    private static final int SESSION_CAP = 64 * 1024;

    @FuzzTest(maxDuration = "30s")
    void anyBytesAreFramesWithinTheCapAndMessagesOrAPlainRefusal(byte[] wire) {
        for (int cap : new int[] {FrameLimits.PRE_AUTH_MAX, SESSION_CAP}) {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(wire));
            try {
                while (true) {
                    byte[] body = FrameIO.read(in, cap);
                    assertTrue(body.length <= cap, body.length + " bytes read under a cap of " + cap);
                    try {
                        MessageCodec.decode(body);
                    } catch (MalformedMessageException refused) {
                        // a plain refusal: the session answers it with 'malformed'
                    }
                    try {
                        MessageCodec.decodeOnNode(body); // as the agent reads it, without Jackson's parser
                    } catch (MalformedMessageException refused) {
                        // likewise
                    }
                }
            } catch (IOException endOrRefused) {
                // end of input, a frame over the cap, or a message that is not one
            }
        }
    }
}
