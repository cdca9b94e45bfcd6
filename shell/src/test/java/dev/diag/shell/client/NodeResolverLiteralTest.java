package dev.diag.shell.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Wildcard and loopback addresses are told from literals alone, as the regular expressions they replaced told them. */
class NodeResolverLiteralTest {

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "::", "0:0:0:0:0:0:0:0", "127.0.0.1", "127.0.0.2", "::1", "10.0.0.1", "fe80::1",
        "localhost", "db1", "", "[::1]", "1.2.3", "1..2", ".", ":", "g::1", "127.0.0.1 ", "::ffff:127.0.0.1"})
    void judgesAnAddressAsTheRegularExpressionsDid(String address) throws Exception {
        boolean literal = address.matches("[0-9.]+") || address.matches("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
        InetAddress parsed = null;
        if (literal) {
            try {
                parsed = InetAddress.getByName(address);
            } catch (java.net.UnknownHostException e) {
                parsed = null;
            }
        }
        assertEquals(parsed != null && parsed.isAnyLocalAddress(), NodeResolver.isWildcard(address), address);
        assertEquals(parsed != null && parsed.isLoopbackAddress(), NodeResolver.isLoopback(address), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "::"})
    void findsTheWildcards(String address) {
        assertTrue(NodeResolver.isWildcard(address));
        assertFalse(NodeResolver.isLoopback(address));
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "db1.example.com"})
    void neverAsksAResolverForAHostName(String address) {
        assertFalse(NodeResolver.isLoopback(address)); // localhost would be loopback if it were resolved
        assertFalse(NodeResolver.isWildcard(address));
    }
}
