package dev.diag.agent.heart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.agent.AgentOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeartOptionsTest {

    @Test
    void isOffUnlessAskedFor() throws Exception {
        assertEquals(HeartOptions.OFF, AgentOptions.parse("name=orders").heart());
        assertEquals(HeartOptions.OFF, AgentOptions.defaults().heart());
        assertFalse(AgentOptions.parse("heart=false").heart().enabled());
    }

    @Test
    void turnsOnWithTheDefaultTimeoutOf60Seconds() throws Exception {
        HeartOptions heart = AgentOptions.parse("name=orders,heart=true").heart();
        assertTrue(heart.enabled());
        assertEquals(60, heart.timeoutSeconds());
    }

    @Test
    void readsTheTimeoutAndTheCommandFileInAnyOrder() throws Exception {
        HeartOptions heart = AgentOptions.parse("heart-timeout=10,heart-command-file=/etc/orders/restart,heart=true").heart();
        assertEquals(new HeartOptions(true, 10, "/etc/orders/restart", null), heart);
    }

    @ParameterizedTest
    @ValueSource(strings = {"9", "0", "-1", "86401", "ten", ""})
    void refusesATimeoutOutOfRangeWithAMessageInsteadOfUsingAnother(String value) {
        AgentOptions.BadOptionException e = assertThrows(AgentOptions.BadOptionException.class,
                () -> AgentOptions.parse("heart=true,heart-timeout=" + value));
        assertEquals("agent option heart-timeout=" + value + " must be a number of seconds from 10 to 86400 "
                + "(a shorter one would restart nodes that are only slow)", e.getMessage());
    }

    @Test
    void acceptsTheRangeEnds() throws Exception {
        assertEquals(10, AgentOptions.parse("heart=true,heart-timeout=10").heart().timeoutSeconds());
        assertEquals(86_400, AgentOptions.parse("heart=true,heart-timeout=86400").heart().timeoutSeconds());
    }

    @Test
    void refusesAFlagThatIsNeitherTrueNorFalse() {
        assertEquals("agent option heart=yes must be true or false",
                assertThrows(AgentOptions.BadOptionException.class, () -> AgentOptions.parse("heart=yes")).getMessage());
    }

    @Test
    void namesTheHeartOptionsAmongTheKnownOnes() {
        String message = assertThrows(AgentOptions.BadOptionException.class, () -> AgentOptions.parse("hart=true")).getMessage();
        assertTrue(message.contains("heart, heart-timeout, heart-command-file"), message);
    }

    @Test
    void codeMayGiveTheCommandItselfCommasAndAll() throws Exception {
        AgentOptions options = AgentOptions.parse("name=orders").withHeart(HeartOptions.on(30, "exec java -Dx=a,b -jar o.jar"));
        assertEquals("exec java -Dx=a,b -jar o.jar", options.heart().command());
        assertEquals("orders", options.name());
        assertEquals(options.heart(), options.withName("billing").heart());
        assertThrows(IllegalArgumentException.class, () -> HeartOptions.on(5, null));
    }
}
