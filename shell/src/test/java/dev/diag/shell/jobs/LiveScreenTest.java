package dev.diag.shell.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import dev.diag.shell.functions.LiveView;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveScreenTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void drawsEachFrameFromTheTopOfTheAlternateScreenAndGivesTheScreenBackOnClose() {
        int[] width = {80};
        LiveScreen screen = new LiveScreen(out, new Numbered(), () -> width[0], () -> 24);
        screen.accept(IntNode.valueOf(1));
        width[0] = 40; // the terminal was resized: the next frame fits the new size
        screen.accept(IntNode.valueOf(2));
        screen.close();

        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith(LiveScreen.ENTER + "\u001b[H" + "frame 1 at 80x24\u001b[K\r\n\u001b[J"), text);
        assertTrue(text.contains("\u001b[Hframe 2 at 40x24\u001b[K"), text);
        assertEquals(1, text.split("\u001b\\[\\?1049h", -1).length - 1, "the alternate screen is entered once");
        assertTrue(text.endsWith(LiveScreen.LEAVE), text);
        assertEquals(2, screen.frames());
    }

    @Test
    void aViewThatNeverDrewLeavesTheScreenAlone() {
        new LiveScreen(out, new Numbered(), () -> 80, () -> 24).close();

        assertEquals("", bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aRowTheViewCannotShowIsSaidOnTheScreen() {
        LiveScreen screen = new LiveScreen(out, new Numbered(), () -> 80, () -> 24);
        screen.accept(null);

        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("(a sample this shell cannot show"));
    }

    private static final class Numbered implements LiveView {
        @Override
        public List<String> frame(JsonNode row, int width, int height) {
            return List.of("frame " + row.asInt() + " at " + width + "x" + height);
        }

        @Override
        public List<String> header(int width) {
            return List.of();
        }

        @Override
        public String row(JsonNode row, int width) {
            return "";
        }

        @Override
        public List<String> footer(JsonNode summary, int width) {
            return List.of();
        }
    }
}
