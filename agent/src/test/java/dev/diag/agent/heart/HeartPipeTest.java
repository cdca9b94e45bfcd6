package dev.diag.agent.heart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeartPipeTest {

    /** Records what heart would be told. */
    static final class Recorder implements HeartPipe.Listener {
        final List<String> events = new ArrayList<>();
        byte[] command;

        public void beat() {
            events.add("beat");
        }

        public void withheld(String reason) {
            events.add("withheld " + reason);
        }

        public void command(byte[] bytes) {
            command = bytes;
            events.add("command " + bytes.length);
        }

        public void goodbye() {
            events.add("goodbye");
        }

        public void ended(String why) {
            events.add("ended: " + why);
        }
    }

    static String longMultibyteCommand() {
        StringBuilder command = new StringBuilder("printf '%s' '");
        while (command.length() < 65_536) {
            command.append("ünï€😀 \"q\" \\ ");
        }
        return command.append("'").toString();
    }

    @Test
    void carriesBeatsReasonsAndA64KiBMultibyteCommandExactly() throws Exception {
        ByteArrayOutputStream pipe = new ByteArrayOutputStream();
        HeartPipe.Writer writer = new HeartPipe.Writer(pipe);
        String command = longMultibyteCommand();
        writer.command(command);
        writer.beat();
        writer.withheld("health check 'db' failing");
        writer.beat();
        writer.goodbye();

        Recorder heart = new Recorder();
        HeartPipe.read(new ByteArrayInputStream(pipe.toByteArray()), heart);
        byte[] sent = command.getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of("command " + sent.length, "beat", "withheld health check 'db' failing", "beat", "goodbye",
                "ended: the pipe closed"), heart.events);
        assertArrayEquals(sent, heart.command);
    }

    @Test
    void refusesALengthOverTheCapBeforeAllocatingIt() {
        Recorder heart = new Recorder();
        HeartPipe.read(new ByteArrayInputStream(new byte[] {'C', (byte) 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff}), heart);
        assertEquals(List.of("ended: reading the pipe failed: a message of 2147483647 bytes (at most 1048576)"), heart.events);
    }

    @Test
    void endsOnAByteThatIsNoMessage() {
        Recorder heart = new Recorder();
        HeartPipe.read(new ByteArrayInputStream(new byte[] {'B', 'x', 'B'}), heart);
        assertEquals(List.of("beat", "ended: the pipe carried byte 120, which is no message"), heart.events);
    }

    @Test
    void saysSoWhenThePipeEndsInTheMiddleOfAMessage() {
        Recorder heart = new Recorder();
        HeartPipe.read(new ByteArrayInputStream(new byte[] {'W', 0, 0, 0, 9, 'a'}), heart);
        assertEquals(List.of("ended: the pipe closed in the middle of a message"), heart.events);
    }

    @Test
    void writerRefusesACommandOverTheCap() {
        HeartPipe.Writer writer = new HeartPipe.Writer(new ByteArrayOutputStream());
        assertThrows(IllegalArgumentException.class, () -> writer.command("x".repeat(1024 * 1024 + 1)));
    }
}
