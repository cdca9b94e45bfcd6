package dev.diag.protocol.handshake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.diag.protocol.cookie.Cookie;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class TranscriptTest {
    private static final Cookie COOKIE = Handshakes.cookie("the right cookie");
    private static final byte[] HELLO = new HandshakeMessage.Hello(1, filled(1), "diag-shell ops").encode();
    private static final byte[] CHALLENGE = new HandshakeMessage.Challenge(1, filled(2)).encode();
    private static final TlsBinding NODE_CERT = TlsBinding.ofCertificate(new byte[] {1, 2, 3});
    private static final TlsBinding OTHER_CERT = TlsBinding.ofCertificate(new byte[] {4, 5, 6});

    /** Computed by the transcript of before TLS (commit 8f6e81c): a plain connection must still produce them. */
    @Test
    void plainTranscriptIsTheOneOfBeforeTls() {
        Transcript plain = new Transcript(HELLO, CHALLENGE, TlsBinding.NONE);
        byte[] proof = plain.clientProof(COOKIE);
        assertEquals("31e90638e61603df5c4f52d83776d22256f44207d9183bce5c9099967ae264df", hex(proof));
        assertEquals("f9bc4ad2f20047072ae2794d2201d6cc258b90003d106afb8b065a97b8a4d512",
                hex(plain.agentProof(COOKIE, proof, "orders")));
        assertEquals("0b5f5490a01e243f1ce31e794ddce96603b2ba20eaf605974ba7025645914f30",
                hex(plain.sessionKeys(COOKIE).clientToAgent()));
        assertEquals("50a1ad16b36b521ed3efa12e8aaf1a1c772a33c33f4aabe629e1976a3eccd88d",
                hex(plain.sessionKeys(COOKIE).agentToClient()));
    }

    @Test
    void aTlsTranscriptDiffersFromThePlainOneInEveryProofAndKey() {
        Transcript plain = new Transcript(HELLO, CHALLENGE, TlsBinding.NONE);
        Transcript tls = new Transcript(HELLO, CHALLENGE, NODE_CERT);
        byte[] proof = tls.clientProof(COOKIE);
        assertFalse(Arrays.equals(plain.clientProof(COOKIE), proof));
        assertFalse(Arrays.equals(plain.agentProof(COOKIE, proof, "orders"), tls.agentProof(COOKIE, proof, "orders")));
        assertFalse(Arrays.equals(plain.sessionKeys(COOKIE).clientToAgent(), tls.sessionKeys(COOKIE).clientToAgent()));
    }

    @Test
    void bothSidesAgreeWhenTheySawTheSameCertificate() throws Exception {
        ClientHandshake client = new ClientHandshake(COOKIE, "shell", new SecureRandom(), NODE_CERT);
        AgentHandshake agent = new AgentHandshake(COOKIE, "orders", new SecureRandom(), NODE_CERT);
        AgentHandshake.Accepted accepted = agent.verify(client.prove(agent.challenge(client.hello())));

        assertArrayEquals(accepted.keys().clientToAgent(), client.finish(accepted.welcome()).clientToAgent());
    }

    /** A man in the middle showed the client its own certificate: the node refuses the proof, cookie or not. */
    @Test
    void theNodeRefusesAProofOverAnotherCertificate() throws Exception {
        ClientHandshake client = new ClientHandshake(COOKIE, "shell", new SecureRandom(), OTHER_CERT);
        AgentHandshake agent = new AgentHandshake(COOKIE, "orders", new SecureRandom(), NODE_CERT);
        byte[] proof = client.prove(agent.challenge(client.hello()));

        AgentHandshakeException e = assertThrows(AgentHandshakeException.class, () -> agent.verify(proof));
        assertEquals(HandshakeException.Failure.WRONG_COOKIE, e.failure());
    }

    /** A relay that speaks TLS to the client and plain to the node: the plain transcript is not the TLS one. */
    @Test
    void theNodeRefusesATlsProofRelayedOverAPlainConnection() throws Exception {
        ClientHandshake client = new ClientHandshake(COOKIE, "shell", new SecureRandom(), OTHER_CERT);
        AgentHandshake agent = new AgentHandshake(COOKIE, "orders", new SecureRandom(), TlsBinding.NONE);
        byte[] proof = client.prove(agent.challenge(client.hello()));

        assertThrows(AgentHandshakeException.class, () -> agent.verify(proof));
    }

    @Test
    void fingerprintPrintsAsOpensslDoes() {
        assertEquals("SHA256:03:90:58:C6:F2:C0:CB:49:2C:53:3B:0A:4D:14:EF:77:CC:0F:78:AB:CC:CE:D5:28:7D:84:A1:A2:01:1C:FB:81",
                NODE_CERT.toString());
        assertEquals("plain", TlsBinding.NONE.toString());
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static byte[] filled(int value) {
        byte[] bytes = new byte[HandshakeMessage.NONCE_BYTES];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
