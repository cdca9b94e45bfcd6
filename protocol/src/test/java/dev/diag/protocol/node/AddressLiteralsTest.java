package dev.diag.protocol.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressLiteralsTest {

    /** Each hand-written check against the regular expression it replaced. */
    @ParameterizedTest
    @ValueSource(strings = {"", ".", "1", "127.0.0.1", "1..2", "10.0.0.1a", "::", "::1", "fe80::1", "FE80::A:b", "g::1",
        ":", "db1", "db1.example.com", "[::1]", "127.0.0.1 ", "::ffff:127.0.0.1", "1:2", "-1", "localhost"})
    void agreesWithTheRegularExpressions(String text) {
        assertEquals(text.matches("[0-9.]+"), AddressLiterals.isDottedDigits(text), text);
        assertEquals(text.matches("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*"), AddressLiterals.isColonLiteral(text), text);
    }
}
