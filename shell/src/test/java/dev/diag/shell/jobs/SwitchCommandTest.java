package dev.diag.shell.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class SwitchCommandTest {

    @Test
    void readsErlangsLettersWithAndWithoutAJobNumber() {
        assertEquals(SwitchCommand.Kind.CONNECT, SwitchCommand.parse("c").kind());
        assertNull(SwitchCommand.parse("c").jobNumber());
        assertEquals(2, SwitchCommand.parse(" c 2 ").jobNumber());
        assertEquals(SwitchCommand.Kind.INTERRUPT, SwitchCommand.parse("i 3").kind());
        assertEquals(SwitchCommand.Kind.KILL, SwitchCommand.parse("k").kind());
        assertEquals(SwitchCommand.Kind.JOBS, SwitchCommand.parse("j").kind());
        assertEquals(SwitchCommand.Kind.LOCAL, SwitchCommand.parse("s").kind());
        assertEquals(SwitchCommand.Kind.QUIT, SwitchCommand.parse("q").kind());
        assertEquals(SwitchCommand.Kind.HELP, SwitchCommand.parse("?").kind());
        assertEquals(SwitchCommand.Kind.HELP, SwitchCommand.parse("h").kind());
    }

    @Test
    void remoteTakesTheNodeAndIgnoresAShellModule() {
        SwitchCommand command = SwitchCommand.parse("r orders@db1 shell");
        assertEquals(SwitchCommand.Kind.REMOTE, command.kind());
        assertEquals("orders@db1 shell", command.argument());
    }

    @Test
    void anythingElseIsUnknownAndABadJobNumberIsNoJob() {
        assertEquals(SwitchCommand.Kind.UNKNOWN, SwitchCommand.parse("x").kind());
        assertEquals(SwitchCommand.Kind.UNKNOWN, SwitchCommand.parse("connect").kind());
        assertEquals(SwitchCommand.Kind.NOTHING, SwitchCommand.parse("   ").kind());
        assertEquals(-1, SwitchCommand.parse("c two").jobNumber());
    }

    @Test
    void helpIsErlangsTextAndLayoutSayingQuit() {
        assertEquals(List.of(
                "  c [nn]            - connect to job",
                "  i [nn]            - interrupt job",
                "  k [nn]            - kill job",
                "  j                 - list all jobs",
                "  s [shell]         - start local shell",
                "  r [node [shell]]  - start remote shell",
                "  q                 - quit",
                "  ? | h             - this message"), SwitchCommand.HELP);
    }
}
