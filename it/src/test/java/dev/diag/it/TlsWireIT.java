package dev.diag.it;

import static dev.diag.it.TlsNodes.nodeAddress;
import static dev.diag.it.TlsNodes.record;
import static dev.diag.it.TlsNodes.start;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What crosses the wire between a real bin/diag and a real target: with TLS a relay that records
 * every byte sees no call, user, node name or answer, and without TLS it sees them all (so the
 * check can fail); a man in the middle that terminates TLS with its own certificate and opens its
 * own to the node fails the handshake, without the cookie, and no call reaches it.
 */
class TlsWireIT {
    private static final String USER = System.getProperty("user.name");

    @Test
    void theWireCarriesNoPlaintextWithTlsOn() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = start(home, "orders", "tls=true");
                RecordingRelay relay = new RecordingRelay(nodeAddress(home, "orders")).start()) {
            DiagCli.Run run = DiagCli.run(home, "--tls", "--node", "orders@127.0.0.1:" + relay.port(), "--json",
                    "--cmd", "system_info(process_count)");

            assertEquals(0, run.exit(), run::toString);
            String wire = new String(relay.captured(), StandardCharsets.ISO_8859_1);
            assertTrue(wire.length() > 1_000, "the relay saw the session: " + wire.length() + " bytes");
            for (String secret : secrets(run)) {
                assertFalse(wire.contains(secret), "readable on the wire: " + secret);
            }
        }
    }

    /** The same capture of a plain loopback node shows all of it: the check above can fail. */
    @Test
    void aPlainLoopbackNodeStillAnswersAndItsWireIsReadable() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = TargetJvm.start(home, "orders");
                RecordingRelay relay = new RecordingRelay(nodeAddress(home, "orders")).start()) {
            assertFalse(record(home, "orders").speaksTls());
            assertFalse(Files.exists(home.path().resolve("tls")), "a plain node makes no key");

            DiagCli.Run run = DiagCli.run(home, "--node", "orders@127.0.0.1:" + relay.port(), "--json",
                    "--cmd", "system_info(process_count)");

            assertEquals(0, run.exit(), run::toString);
            String wire = new String(relay.captured(), StandardCharsets.ISO_8859_1);
            for (String secret : secrets(run)) {
                assertTrue(wire.contains(secret), "plaintext shows " + secret);
            }
        }
    }

    @Test
    void aManInTheMiddleWithoutTheCookieFailsTheHandshake() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = start(home, "orders", "tls=true");
                TlsInterceptor interceptor = new TlsInterceptor(nodeAddress(home, "orders"),
                        home.path().resolve("interceptor.pem"))) {
            interceptor.start();

            DiagCli.Run run = DiagCli.run(home, "--tls", "--node", "orders@127.0.0.1:" + interceptor.port(), "--cmd",
                    "system_info(process_count)");

            assertEquals(4, run.exit(), run::toString);
            assertTrue(run.out().isEmpty(), run::toString);
            assertEquals(1, run.err().lines().count(), run::toString);
            assertTrue(run.err().startsWith("diag: the node at 127.0.0.1:" + interceptor.port()
                    + " refused our proof over TLS") && run.err().contains("man in the middle"), run::toString);
            assertFalse(run.err().contains("Exception"), run::toString);
            String seen = new String(interceptor.captured(), StandardCharsets.ISO_8859_1);
            assertFalse(seen.contains("system_info"), "no call reached the man in the middle");
            TlsNodes.awaitOutput(target, "proof does not match");
            // the node is unharmed: the real path still works
            assertEquals(0, DiagCli.run(home, "--node", "orders", "--cmd", "memory(heap)").exit());
        }
    }

    /** Words of the session that must not be readable: the call, the user, the node, the answer. */
    private static List<String> secrets(DiagCli.Run run) {
        List<String> secrets = new ArrayList<>(List.of("system_info", "process_count", "diag-shell " + USER, "orders"));
        Matcher live = Pattern.compile("\"live\":\\d+").matcher(run.out());
        assertTrue(live.find(), run::toString); // the answer, as the node sent it
        secrets.add(live.group());
        secrets.add("\"item\":\"process_count\"");
        return secrets;
    }

}
