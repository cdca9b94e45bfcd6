package dev.diag.shell.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JobOutputTest {

    @Test
    void holdsOutputWhileDetachedAndReplaysItOnAttach() throws Exception {
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        JobOutput output = new JobOutput(terminal);
        PrintStream out = output.printStream();

        out.println("while away");
        assertEquals("", terminal.toString(StandardCharsets.UTF_8));

        output.attach();
        out.println("now");
        assertEquals("while away" + System.lineSeparator() + "now" + System.lineSeparator(),
                terminal.toString(StandardCharsets.UTF_8));
    }

    @Test
    void dropsPastItsBoundAndSaysHowMuch() throws Exception {
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        JobOutput output = new JobOutput(terminal);
        output.write(new byte[JobOutput.MAX_BUFFERED], 0, JobOutput.MAX_BUFFERED);
        output.write(new byte[10], 0, 10);

        output.attach();

        String note = "(10 bytes of this job's output were dropped while it ran in the background)"
                + System.lineSeparator();
        assertEquals(JobOutput.MAX_BUFFERED + note.length(), terminal.size());
        assertTrue(terminal.toString(StandardCharsets.UTF_8).endsWith(note));
    }
}
