package dev.diag.agent.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.agent.AgentOptions;
import dev.diag.agent.AgentOptions.BadOptionException;
import org.junit.jupiter.api.Test;

class TlsOptionsTest {

    @Test
    void loopbackIsPlainByDefault() throws Exception {
        assertEquals(new TlsOptions.Policy(false, true, true, false), TlsOptions.DEFAULT.policy("127.0.0.1"));
        assertEquals(new TlsOptions.Policy(false, true, true, false), TlsOptions.DEFAULT.policy("::1"));
    }

    /** Plaintext stays open to this host's own loopback (older shells, local lookups); never to a network. */
    @Test
    void offLoopbackTlsIsOnAndRequiredFromOtherHosts() throws Exception {
        assertEquals(new TlsOptions.Policy(true, true, false, false), TlsOptions.DEFAULT.policy("0.0.0.0"));
        assertEquals(new TlsOptions.Policy(true, true, false, false), TlsOptions.DEFAULT.policy("192.0.2.7"));
    }

    @Test
    void tlsTrueIsRequiredFromEveryPeerLoopbackToo() throws Exception {
        assertEquals(new TlsOptions.Policy(true, false, false, false), parse("tls=true").policy("127.0.0.1"));
        assertEquals(new TlsOptions.Policy(true, false, false, false), parse("tls=true").policy("0.0.0.0"));
    }

    @Test
    void plaintextOffLoopbackIsRefusedWithoutInsecurePlaintext() throws Exception {
        TlsOptions off = parse("tls=false");
        BadOptionException e = assertThrows(BadOptionException.class, () -> off.policy("0.0.0.0"));
        assertTrue(e.getMessage().startsWith("bind=0.0.0.0 is not loopback and tls=false"), e.getMessage());
        assertTrue(e.getMessage().contains("insecure-plaintext=true"), e.getMessage());
    }

    @Test
    void insecurePlaintextAcceptsPlainFromAnywhereAndWarns() throws Exception {
        assertEquals(new TlsOptions.Policy(false, true, true, true),
                parse("tls=false,insecure-plaintext=true").policy("0.0.0.0"));
        assertEquals(new TlsOptions.Policy(true, true, true, true), parse("insecure-plaintext=true").policy("0.0.0.0"));
        assertEquals(new TlsOptions.Policy(false, true, true, false),
                parse("insecure-plaintext=true").policy("127.0.0.1"), "nothing crosses a network: no warning");
    }

    @Test
    void flagsAreTrueOrFalse() {
        BadOptionException e = assertThrows(BadOptionException.class, () -> AgentOptions.parse("tls=yes"));
        assertEquals("agent option tls=yes must be true or false", e.getMessage());
    }

    private static TlsOptions parse(String options) throws BadOptionException {
        return AgentOptions.parse(options).tls();
    }
}
