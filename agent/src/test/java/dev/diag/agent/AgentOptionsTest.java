package dev.diag.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.agent.server.limits.ConnectionOptions;
import dev.diag.agent.server.limits.StartupLimit;
import dev.diag.protocol.frame.FrameLimits;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AgentOptionsTest {

    @Test
    void defaultsToAPidNameAnyPortLoopbackAndA16MiBFrameCap() {
        AgentOptions options = AgentOptions.defaults();
        assertEquals("jvm" + ProcessHandle.current().pid(), options.name());
        assertEquals(0, options.port());
        assertEquals("127.0.0.1", options.bind());
        assertNull(options.cookieFile());
        assertEquals(FrameLimits.DEFAULT_MAX, options.maxFrame());
        assertEquals(16 * 1024 * 1024, options.maxFrame());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void readsNothingAsTheDefaults(String text) throws Exception {
        assertEquals(AgentOptions.defaults(), AgentOptions.parse(text));
    }

    @Test
    void parsesEachOption() throws Exception {
        assertEquals("orders", AgentOptions.parse("name=orders").name());
        assertEquals(4370, AgentOptions.parse("port=4370").port());
        assertEquals("0.0.0.0", AgentOptions.parse("bind=0.0.0.0").bind());
        assertEquals("/etc/diag/cookie", AgentOptions.parse("cookie-file=/etc/diag/cookie").cookieFile());
        assertEquals(1_048_576, AgentOptions.parse("max-frame=1048576").maxFrame());
        assertEquals("/tmp/diag-1a2b/node.sock", AgentOptions.parse("socket=/tmp/diag-1a2b/node.sock").socket());
        assertEquals("/tmp/diag-1a2b/cookie", AgentOptions.parse("cookie-drop=/tmp/diag-1a2b/cookie").cookieDrop());
    }

    @Test
    void keepsTheSocketAndDroppedCookieThroughANewNameOrHeart() throws Exception {
        AgentOptions options = AgentOptions.parse("socket=/tmp/s,cookie-drop=/tmp/c").withName("other");
        assertEquals("/tmp/s", options.socket());
        assertEquals("/tmp/c", options.withHeart(options.heart()).cookieDrop());
    }

    @Test
    void parsesAllOptionsTogetherAndLeavesTheRestDefault() throws Exception {
        AgentOptions options = AgentOptions.parse("name=orders, port=4370 ,max-frame=8192");
        assertEquals(new AgentOptions("orders", 4370, "127.0.0.1", null, 8192), options);
    }

    @Test
    void parsesTheConnectionLimits() throws Exception {
        AgentOptions options = AgentOptions.parse("max-connections=40,max-startups=5:50:20");
        assertEquals(new ConnectionOptions(40, new StartupLimit(5, 50, 20)), options.connections());
        assertEquals(ConnectionOptions.DEFAULTS, AgentOptions.defaults().connections());
    }

    @ParameterizedTest
    @ValueSource(strings = {"max-connections=0", "max-connections=many", "max-startups=10:30", "max-startups=100:30:10"})
    void refusesConnectionLimitsItCannotUse(String text) {
        AgentOptions.BadOptionException e = assertThrows(AgentOptions.BadOptionException.class,
                () -> AgentOptions.parse(text));
        assertTrue(e.getMessage().startsWith("agent option max-"), e.getMessage());
    }

    @Test
    void keepsEverythingAfterTheFirstEqualsSignInTheValue() throws Exception {
        assertEquals("/tmp/a=b", AgentOptions.parse("cookie-file=/tmp/a=b").cookieFile());
    }

    @Test
    void acceptsThePortRangeEnds() throws Exception {
        assertEquals(0, AgentOptions.parse("port=0").port());
        assertEquals(65535, AgentOptions.parse("port=65535").port());
    }

    @Test
    void replacesTheNameKeepingEverythingElse() throws Exception {
        AgentOptions options = AgentOptions.parse("port=4370").withName("billing");
        assertEquals("billing", options.name());
        assertEquals(4370, options.port());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "colour=blue        | 'colour'",
        "port=abc           | port=abc",
        "port=70000         | port=70000",
        "port=-1            | port=-1",
        "max-frame=100      | max-frame=100",
        "max-frame=lots     | max-frame=lots",
        "name=orders@db1    | name=orders@db1",
        "novalue            | 'novalue'",
        "=orders            | '=orders'",
        "name=orders,,port=1 | ''",
    })
    void refusesABadOptionNamingIt(String text, String named) {
        AgentOptions.BadOptionException e = assertThrows(AgentOptions.BadOptionException.class,
                () -> AgentOptions.parse(text));
        assertTrue(e.getMessage().contains(named), () -> "'" + named + "' not in: " + e.getMessage());
    }

    @Test
    void listsTheKnownOptionsWhenOneIsUnknown() {
        AgentOptions.BadOptionException e = assertThrows(AgentOptions.BadOptionException.class,
                () -> AgentOptions.parse("prot=4370"));
        assertEquals("unknown agent option 'prot'; known: name, port, bind, cookie-file, max-frame, home, "
                + "directory-port, max-connections, max-startups, socket, cookie-drop, heart, heart-timeout, "
                + "heart-command-file, tls, insecure-plaintext", e.getMessage());
    }

    @Test
    void saysTheRangeOfABadPort() {
        AgentOptions.BadOptionException e = assertThrows(AgentOptions.BadOptionException.class,
                () -> AgentOptions.parse("port=70000"));
        assertEquals("agent option port=70000 must be a number from 0 to 65535", e.getMessage());
    }

    @Test
    void refusesANameWithAHostBecauseTheHostIsThisOne() {
        AgentOptions.BadOptionException e = assertThrows(AgentOptions.BadOptionException.class,
                () -> AgentOptions.parse("name=orders@db1"));
        assertEquals("agent option name=orders@db1 must be a bare name; the host is this one", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"name=", "name=-orders", "name=bad name", "name=orders@", "name=orders@db1:99999"})
    void refusesABadName(String text) {
        assertThrows(AgentOptions.BadOptionException.class, () -> AgentOptions.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"name=", "name=-orders", "name=bad name", "name=orders@", "name=orders@db1:99999"})
    void refusesABadNameNamingTheOption(String text) {
        AgentOptions.BadOptionException e = assertThrows(AgentOptions.BadOptionException.class,
                () -> AgentOptions.parse(text));
        assertTrue(e.getMessage().contains("agent option name="), e.getMessage());
        assertTrue(!e.getMessage().contains("e.g. orders@db1"), "suggests a name= the agent refuses: "
                + e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"orders@db1", "bad name", "../escape", ""})
    void refusesInCodeANameThatParseRefuses(String name) {
        assertThrows(RuntimeException.class, () -> AgentOptions.defaults().withName(name));
        assertThrows(RuntimeException.class, () -> new AgentOptions(name, 0, "127.0.0.1", null, FrameLimits.DEFAULT_MAX));
    }
    @Test
    void leavesTheDirectoryPortToTheEnvironmentUnlessGiven() throws Exception {
        assertNull(AgentOptions.defaults().directoryPort());
        assertEquals(OptionalInt.of(4370), AgentOptions.parse("name=orders").directoryPortOr(null));
        assertEquals(OptionalInt.of(5000), AgentOptions.parse("name=orders").directoryPortOr("5000"));
        assertEquals(OptionalInt.empty(), AgentOptions.parse("name=orders").directoryPortOr("lots"));
    }

    @Test
    void aDirectoryPortOptionBeatsTheEnvironmentAndZeroTurnsItOff() throws Exception {
        assertEquals(OptionalInt.of(6000), AgentOptions.parse("directory-port=6000").directoryPortOr("5000"));
        assertEquals(OptionalInt.of(0), AgentOptions.parse("directory-port=0").directoryPortOr("5000"));
        assertEquals(OptionalInt.of(6000), AgentOptions.parse("directory-port=6000").withName("b").directoryPortOr(null));
    }

    @Test
    void saysTheRangeOfABadDirectoryPort() {
        AgentOptions.BadOptionException e = assertThrows(AgentOptions.BadOptionException.class,
                () -> AgentOptions.parse("directory-port=70000"));
        assertEquals("agent option directory-port=70000 must be a number from 0 to 65535", e.getMessage());
    }
}
