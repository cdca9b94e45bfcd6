package dev.diag.protocol.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import dev.diag.protocol.cookie.Cookie;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Whatever an unauthenticated peer sends, each step either goes on or throws a
 * {@link HandshakeException}: never a runtime exception that would escape into the server.
 */
class HandshakeGarbageTest {
    private static final int ITERATIONS = 5_000;
    private final Cookie cookie = Handshakes.cookie("garbage test cookie");

    @Test
    void agentChallengeThrowsOnlyHandshakeExceptionsAndTheClientUnderstandsEachRefusal() {
        for (byte[] garbage : garbage(1)) {
            try {
                agent().challenge(garbage);
            } catch (AgentHandshakeException refused) {
                HandshakeException told = assertThrows(HandshakeException.class, () -> client().prove(refused.reply()));
                assertEquals(refused.failure(), told.failure());
            } catch (Throwable t) {
                fail("challenge(" + Arrays.toString(garbage) + ") threw " + t, t);
            }
        }
    }

    @Test
    void agentVerifyRefusesEveryGarbageProofWithAHandshakeException() throws Exception {
        for (byte[] garbage : garbage(2)) {
            AgentHandshake agent = agent();
            agent.challenge(client().hello());
            refusedWithHandshakeException(() -> agent.verify(garbage), garbage);
        }
    }

    @Test
    void clientProveThrowsOnlyHandshakeExceptions() {
        for (byte[] garbage : garbage(3)) {
            try {
                client().prove(garbage);
            } catch (HandshakeException expected) {
                // a refusal is fine; anything else escapes the caller's error handling
            } catch (Throwable t) {
                fail("prove(" + Arrays.toString(garbage) + ") threw " + t, t);
            }
        }
    }

    @Test
    void clientFinishRefusesEveryGarbageWelcomeWithAHandshakeException() throws Exception {
        for (byte[] garbage : garbage(4)) {
            ClientHandshake client = client();
            client.prove(agent().challenge(client.hello()));
            refusedWithHandshakeException(() -> client.finish(garbage), garbage);
        }
    }

    private static void refusedWithHandshakeException(Executable step, byte[] garbage) {
        try {
            step.execute();
            fail("accepted garbage " + Arrays.toString(garbage));
        } catch (HandshakeException expected) {
            // refused, as it must be
        } catch (Throwable t) {
            fail("threw " + t + " on " + Arrays.toString(garbage), t);
        }
    }

    /** Random bytes of lengths 0 to 200, random bodies behind each type byte, and valid messages with one byte changed. */
    private List<byte[]> garbage(long seed) {
        Random random = new Random(seed);
        byte[][] valid = validMessages();
        List<byte[]> all = new ArrayList<>();
        all.add(new byte[0]);
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] bytes;
            switch (i % 3) {
                case 0 -> {
                    bytes = new byte[random.nextInt(201)];
                    random.nextBytes(bytes);
                }
                case 1 -> {
                    bytes = new byte[1 + random.nextInt(80)];
                    random.nextBytes(bytes);
                    bytes[0] = (byte) (1 + random.nextInt(5));
                }
                default -> {
                    byte[] base = valid[random.nextInt(valid.length)];
                    bytes = Arrays.copyOf(base, Math.max(0, base.length + random.nextInt(3) - 1));
                    if (bytes.length > 0) {
                        bytes[random.nextInt(bytes.length)] ^= (byte) (1 + random.nextInt(255));
                    }
                }
            }
            all.add(bytes);
        }
        return all;
    }

    private byte[][] validMessages() {
        byte[] nonce = new byte[HandshakeMessage.NONCE_BYTES];
        byte[] mac = new byte[HandshakeMessage.MAC_BYTES];
        return new byte[][] {
            new HandshakeMessage.Hello(HandshakeMessage.VERSION, nonce, "shell").encode(),
            new HandshakeMessage.Challenge(HandshakeMessage.VERSION, nonce).encode(),
            new HandshakeMessage.Proof(mac).encode(),
            new HandshakeMessage.Welcome(mac, "orders").encode(),
            new HandshakeMessage.Reject(RejectReason.BAD_PROOF, "no").encode(),
        };
    }

    private ClientHandshake client() {
        return new ClientHandshake(cookie, "shell", new SecureRandom());
    }

    private AgentHandshake agent() {
        return new AgentHandshake(cookie, "orders", new SecureRandom());
    }
}
