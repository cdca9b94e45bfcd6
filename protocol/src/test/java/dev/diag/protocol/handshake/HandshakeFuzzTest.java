package dev.diag.protocol.handshake;

import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.diag.protocol.cookie.Cookie;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Any two handshake messages a peer without the cookie can send, to either side: the agent
 * reads them as HELLO and PROOF, the shell as CHALLENGE and WELCOME. Each side answers or
 * refuses with a {@link HandshakeException}; nothing else escapes, and neither side ever
 * accepts (that would be a forged handshake). Inputs that once failed are kept in
 * {@code HandshakeFuzzTestInputs/}.
 */
class HandshakeFuzzTest {
    private static final Cookie COOKIE = Handshakes.cookie("the fuzzer does not know this cookie");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The first byte says where the first message ends; the rest is the second message. */
    @FuzzTest(maxDuration = "30s")
    void neitherSideAcceptsOrCrashesOnMessagesMadeWithoutTheCookie(byte[] input) {
        if (input.length == 0) {
            return;
        }
        int cut = Math.min(input.length, 1 + (input[0] & 0xff));
        byte[] first = Arrays.copyOfRange(input, 1, cut);
        byte[] second = Arrays.copyOfRange(input, cut, input.length);

        AgentHandshake agent = new AgentHandshake(COOKIE, "orders", RANDOM);
        try {
            agent.challenge(first);
            agent.verify(second);
            fail("the agent accepted a PROOF made without the cookie");
        } catch (AgentHandshakeException refused) {
            // REJECT and close
        }

        ClientHandshake client = new ClientHandshake(COOKIE, "diag-shell fuzz", RANDOM);
        try {
            client.prove(first);
            client.finish(second);
            fail("the shell accepted a WELCOME made without the cookie");
        } catch (HandshakeException refused) {
            // the shell says why and exits
        }
    }
}
