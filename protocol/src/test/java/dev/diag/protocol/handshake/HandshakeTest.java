package dev.diag.protocol.handshake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.diag.protocol.cookie.Cookie;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class HandshakeTest {
    private final Cookie cookie = Handshakes.cookie("the right cookie");
    private final Cookie otherCookie = Handshakes.cookie("another cookie");

    @Test
    void succeedsWithEqualKeysOnBothSides() throws Exception {
        ClientHandshake client = client(cookie);
        AgentHandshake agent = agent(cookie);
        AgentHandshake.Accepted accepted = agent.verify(client.prove(agent.challenge(client.hello())));
        SessionKeys keys = client.finish(accepted.welcome());

        assertArrayEquals(accepted.keys().clientToAgent(), keys.clientToAgent());
        assertArrayEquals(accepted.keys().agentToClient(), keys.agentToClient());
        assertFalse(Arrays.equals(keys.clientToAgent(), keys.agentToClient()), "each direction has its own key");
        assertEquals("orders", client.agentName());
    }

    @Test
    void tellsTheAgentTheNameTheAuthenticatedClientGave() throws Exception {
        ClientHandshake client = client(cookie, "diag-shell alice");
        AgentHandshake agent = agent(cookie);
        AgentHandshake.Accepted accepted = agent.verify(client.prove(agent.challenge(client.hello())));

        assertEquals("diag-shell alice", accepted.clientName());
    }

    @Test
    void rejectsWrongCookieOnBothSides() throws Exception {
        ClientHandshake client = client(otherCookie);
        AgentHandshake agent = agent(cookie);
        byte[] proof = client.prove(agent.challenge(client.hello()));

        AgentHandshakeException refused = assertThrows(AgentHandshakeException.class, () -> agent.verify(proof));
        assertEquals(HandshakeException.Failure.WRONG_COOKIE, refused.failure());
        HandshakeException told = assertThrows(HandshakeException.class, () -> client.finish(refused.reply()));
        assertEquals(HandshakeException.Failure.WRONG_COOKIE, told.failure());
    }

    @Test
    void refusesAnAgentThatCannotProveItHoldsOurCookie() throws Exception {
        ClientHandshake client = client(cookie);
        AgentHandshake impostor = agent(otherCookie);
        byte[] hello = client.hello();
        byte[] challenge = impostor.challenge(hello);
        byte[] proof = client.prove(challenge);
        // The impostor cannot check the proof, so it answers WELCOME computed with the cookie it has.
        byte[] clientMac = ((HandshakeMessage.Proof) HandshakeMessage.decode(proof)).mac();
        byte[] forged = new HandshakeMessage.Welcome(
                new Transcript(hello, challenge).agentProof(otherCookie, clientMac, "orders"), "orders").encode();

        HandshakeException e = assertThrows(HandshakeException.class, () -> client.finish(forged));
        assertEquals(HandshakeException.Failure.AGENT_NOT_AUTHENTIC, e.failure());
    }

    @Test
    void refusesAWelcomeReplayedFromAnotherSession() throws Exception {
        ClientHandshake earlierClient = client(cookie);
        AgentHandshake earlierAgent = agent(cookie);
        byte[] oldWelcome = earlierAgent.verify(earlierClient.prove(earlierAgent.challenge(earlierClient.hello()))).welcome();

        ClientHandshake client = client(cookie);
        client.prove(agent(cookie).challenge(client.hello()));
        HandshakeException e = assertThrows(HandshakeException.class, () -> client.finish(oldWelcome));
        assertEquals(HandshakeException.Failure.AGENT_NOT_AUTHENTIC, e.failure());
    }

    @Test
    void agentRefusesAnotherProtocolVersionAndTheClientSaysSo() throws Exception {
        byte[] futureHello = new HandshakeMessage.Hello(2, new byte[HandshakeMessage.NONCE_BYTES], "shell").encode();
        AgentHandshakeException refused = assertThrows(AgentHandshakeException.class, () -> agent(cookie).challenge(futureHello));
        assertEquals(HandshakeException.Failure.VERSION, refused.failure());

        ClientHandshake client = client(cookie);
        HandshakeException told = assertThrows(HandshakeException.class, () -> client.prove(refused.reply()));
        assertEquals(HandshakeException.Failure.VERSION, told.failure());
    }

    @Test
    void clientRefusesAChallengeOfAnotherProtocolVersion() {
        byte[] challenge = new HandshakeMessage.Challenge(2, new byte[HandshakeMessage.NONCE_BYTES]).encode();
        HandshakeException e = assertThrows(HandshakeException.class, () -> client(cookie).prove(challenge));
        assertEquals(HandshakeException.Failure.VERSION, e.failure());
    }

    @Test
    void usesFreshNoncesAndKeysInEveryHandshake() throws Exception {
        byte[] nonce1 = ((HandshakeMessage.Hello) HandshakeMessage.decode(client(cookie).hello())).nonce();
        byte[] nonce2 = ((HandshakeMessage.Hello) HandshakeMessage.decode(client(cookie).hello())).nonce();
        assertFalse(Arrays.equals(nonce1, nonce2));

        byte[] hello = client(cookie).hello();
        byte[] agentNonce1 = ((HandshakeMessage.Challenge) HandshakeMessage.decode(agent(cookie).challenge(hello))).nonce();
        byte[] agentNonce2 = ((HandshakeMessage.Challenge) HandshakeMessage.decode(agent(cookie).challenge(hello))).nonce();
        assertFalse(Arrays.equals(agentNonce1, agentNonce2));

        assertFalse(Arrays.equals(Handshakes.complete(cookie).client().clientToAgent(),
                Handshakes.complete(cookie).client().clientToAgent()));
    }

    @Test
    void refusesAProofReplayedFromAnEarlierSession() throws Exception {
        ClientHandshake earlier = client(cookie);
        byte[] hello = earlier.hello();
        byte[] oldProof = earlier.prove(agent(cookie).challenge(hello));

        AgentHandshake agent = agent(cookie);
        agent.challenge(hello); // an eavesdropper replays the whole recorded client side
        AgentHandshakeException e = assertThrows(AgentHandshakeException.class, () -> agent.verify(oldProof));
        assertEquals(HandshakeException.Failure.WRONG_COOKIE, e.failure());
    }

    @Test
    void agentRefusesAnythingButAHelloFirst() throws Exception {
        byte[] proof = new HandshakeMessage.Proof(new byte[HandshakeMessage.MAC_BYTES]).encode();
        AgentHandshakeException e = assertThrows(AgentHandshakeException.class, () -> agent(cookie).challenge(proof));
        assertEquals(HandshakeException.Failure.MALFORMED, e.failure());
        HandshakeException told = assertThrows(HandshakeException.class, () -> client(cookie).prove(e.reply()));
        assertEquals(HandshakeException.Failure.MALFORMED, told.failure());
    }

    @Test
    void clientRefusesAWelcomeInPlaceOfAChallenge() {
        byte[] welcome = new HandshakeMessage.Welcome(new byte[HandshakeMessage.MAC_BYTES], "orders").encode();
        assertInstanceOf(MalformedHandshakeException.class,
                assertThrows(HandshakeException.class, () -> client(cookie).prove(welcome)));
    }

    @Test
    void agentRefusesMessagesOutOfOrderAsMalformed() throws Exception {
        byte[] proof = new HandshakeMessage.Proof(new byte[HandshakeMessage.MAC_BYTES]).encode();
        AgentHandshakeException early = assertThrows(AgentHandshakeException.class, () -> agent(cookie).verify(proof));
        assertEquals(HandshakeException.Failure.MALFORMED, early.failure());
        AgentHandshake agent = agent(cookie);
        byte[] hello = client(cookie).hello();
        agent.challenge(hello);
        AgentHandshakeException again = assertThrows(AgentHandshakeException.class, () -> agent.challenge(hello));
        assertEquals(HandshakeException.Failure.MALFORMED, again.failure());
    }

    @Test
    void clientStepsOutOfOrderAreProgrammingErrors() {
        byte[] welcome = new HandshakeMessage.Welcome(new byte[HandshakeMessage.MAC_BYTES], "orders").encode();
        assertThrows(IllegalStateException.class, () -> client(cookie).finish(welcome));
    }

    @Test
    void agentNameIsLearnedOnlyFromTheAuthenticatedWelcome() throws Exception {
        ClientHandshake client = client(cookie);
        AgentHandshake agent = agent(cookie);
        byte[] challenge = agent.challenge(client.hello());
        assertFalse(new String(challenge, java.nio.charset.StandardCharsets.ISO_8859_1).contains("orders"),
                "the CHALLENGE names the node before the client proved anything");
        byte[] proof = client.prove(challenge);
        assertNull(client.agentName());
        client.finish(agent.verify(proof).welcome());
        assertEquals("orders", client.agentName());
    }

    @Test
    void aClientNameIsRefusedUpFrontOrGivesAHelloTheAgentAccepts() {
        for (String name : new String[] {"x".repeat(65), "y".repeat(300), "shell-\uD83D\uDE00"}) {
            ClientHandshake client;
            try {
                client = client(cookie, name);
            } catch (IllegalArgumentException refusedUpFront) {
                continue;
            }
            byte[] hello = client.hello();
            assertDoesNotThrow(() -> agent(cookie).challenge(hello), name);
        }
    }

    private static ClientHandshake client(Cookie cookie) {
        return client(cookie, "shell");
    }

    private static ClientHandshake client(Cookie cookie, String name) {
        return new ClientHandshake(cookie, name, new SecureRandom());
    }

    private static AgentHandshake agent(Cookie cookie) {
        return new AgentHandshake(cookie, "orders", new SecureRandom());
    }
}
