package dev.diag.protocol.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NodeNameTest {

    @Test
    void parsesABareNameAsThisHostWithPortToLookUp() throws Exception {
        assertEquals(new NodeName("orders", null, null), NodeName.parse("orders"));
    }

    @Test
    void parsesNameAtHost() throws Exception {
        assertEquals(new NodeName("orders", "db1", null), NodeName.parse("orders@db1"));
    }

    @Test
    void parsesNameAtHostColonPort() throws Exception {
        assertEquals(new NodeName("orders", "db1.example.com", 4370), NodeName.parse("orders@db1.example.com:4370"));
    }

    @Test
    void parsesABracketedIpv6Address() throws Exception {
        NodeName node = NodeName.parse("name@[::1]:4370");
        assertEquals(new NodeName("name", "[::1]", 4370), node);
        assertEquals("::1", node.connectHost());
        assertTrue(node.isLocal());
    }

    @Test
    void parsesTheHighestNameAndPortItAllows() throws Exception {
        String longest = "a" + "b_.-".repeat(15) + "xyz";
        assertEquals(64, longest.length());
        assertEquals(new NodeName(longest, "h", 65535), NodeName.parse(longest + "@h:65535"));
        assertEquals(new NodeName("n", "h", 1), NodeName.parse(" n@h:1 "));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @CsvSource(delimiter = '|', value = {
        "''                 | a node name is 1 to 64",
        "@host              | a node name is 1 to 64",
        "a b                | a node name is 1 to 64",
        "-orders            | a node name is 1 to 64",
        "orders/x           | a node name is 1 to 64",
        "name@              | the host after '@'",
        "name@::1           | the host after '@'",
        "name@a b           | the host after '@'",
        "name@host:0        | the port after ':' must be a number from 1 to 65535",
        "name@host:70000    | the port after ':' must be a number from 1 to 65535",
        "name@host:x        | the port after ':' must be a number from 1 to 65535",
        "name@host:         | the port after ':' must be a number from 1 to 65535",
        "name@host:-1       | the port after ':' must be a number from 1 to 65535",
    })
    void refusesWhatIsNotANodeNameSayingWhatOneLooksLike(String text, String rule) {
        BadNodeNameException e = assertThrows(BadNodeNameException.class, () -> NodeName.parse(text));
        assertTrue(e.getMessage().contains("'" + text + "' is not a node name"), e.getMessage());
        assertTrue(e.getMessage().contains(rule), e.getMessage());
    }

    @Test
    void refusesA65CharacterName() {
        BadNodeNameException e = assertThrows(BadNodeNameException.class, () -> NodeName.parse("n".repeat(65) + "@host"));
        assertTrue(e.getMessage().contains("1 to 64 letters, digits"), e.getMessage());
    }

    @Test
    void refusesNull() {
        assertThrows(BadNodeNameException.class, () -> NodeName.parse(null));
    }

    @Test
    void printsAsNameAtHostAndParsesBack() throws Exception {
        for (String text : new String[] {"orders@db1", "orders@db1:4370", "name@[::1]:4370"}) {
            assertEquals(text, NodeName.parse(text).toString());
            assertEquals(NodeName.parse(text), NodeName.parse(NodeName.parse(text).toString()));
        }
        assertEquals("orders@" + LocalHost.name(), NodeName.parse("orders").toString());
    }

    @Test
    void knowsWhichHostsAreThisMachine() throws Exception {
        assertTrue(NodeName.parse("orders").isLocal());
        assertTrue(NodeName.parse("orders@localhost").isLocal());
        assertTrue(NodeName.parse("orders@127.0.0.1").isLocal());
        assertTrue(NodeName.parse("orders@" + LocalHost.name().toUpperCase()).isLocal());
        assertFalse(NodeName.parse("orders@elsewhere-db-9").isLocal());
    }

    @Test
    void connectsToLoopbackWhenNoHostIsGiven() throws Exception {
        assertEquals("127.0.0.1", NodeName.parse("orders").connectHost());
        assertEquals("db1", NodeName.parse("orders@db1").connectHost());
    }

    /** The hand-written check against the regular expression it replaced, on names near every edge. */
    @ParameterizedTest
    @ValueSource(strings = {"a", "Z", "9", "orders", "a_b.c-d", "_a", ".a", "-a", "a b", "a@b", "a:1", "ä", "a\u00e9",
        "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijkl",
        "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklm", "a\n", "a/b", "a*", "A0_", "0"})
    void acceptsABareNameExactlyWhereTheOldExpressionDid(String name) {
        assertEquals(name.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}"), NodeName.isBareName(name), name);
    }

    @Test
    void refusesAnEmptyOrBadBareNameWithTheNameRule() {
        for (String bad : new String[] {"", "  ", "_orders", "or ders", "örders"}) {
            BadNodeNameException e = assertThrows(BadNodeNameException.class, () -> NodeName.parse(bad), bad);
            assertTrue(e.getMessage().contains("a node name is 1 to 64 letters"), e.getMessage());
        }
        assertFalse(NodeName.isBareName(null));
    }

    @Test
    void stripsABareNameAsItStripsOneWithAHost() throws Exception {
        assertEquals(new NodeName("orders", null, null), NodeName.parse("  orders\t"));
        assertEquals(new NodeName("orders", "db1", null), NodeName.parse(" orders@db1 "));
    }
}
