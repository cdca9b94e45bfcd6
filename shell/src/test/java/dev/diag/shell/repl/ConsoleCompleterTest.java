package dev.diag.shell.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.shell.functions.FunctionTable;
import dev.diag.shell.jobs.ConsoleWord;
import dev.diag.shell.jobs.Job;
import dev.diag.shell.jobs.JobTable;
import dev.diag.shell.testing.Eventually;
import dev.diag.shell.testing.FakeNode;
import dev.diag.shell.testing.FakeNodes;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jline.reader.Candidate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Tab completion's candidates for the word under the cursor, split where an Erlang call splits. */
@Timeout(20)
class ConsoleCompleterTest {
    @RegisterExtension
    final FakeNodes nodes = new FakeNodes();

    private JobTable jobs;
    private ConsoleCompleter completer;

    @BeforeEach
    void completer() {
        jobs = nodes.jobs(new ByteArrayOutputStream());
        completer = new ConsoleCompleter(FunctionTable.standard(), jobs);
    }

    @Test
    void offersFunctionsTheirModuleSpellingsAtomsAndEveryConsoleWord() {
        List<String> offered = complete("me");
        assertTrue(offered.containsAll(List.of("memory", "erlang:memory", "recon:memory", "heap", "non_heap")),
                offered.toString());
        for (ConsoleWord word : ConsoleWord.values()) {
            assertTrue(offered.containsAll(word.spellings()), word + " in " + offered);
        }
        assertTrue(offered.containsAll(List.of("help", "attach", "q", "quit", "exit")), offered.toString());
    }

    @Test
    void offersTheCurrentNodesPidsAfterALessThanAndNothingElse() throws Exception {
        jobs.start(nodes.start("alpha"));

        assertEquals(List.of("<1>", "<61>"), complete("process_info(<"));
    }

    @Test
    void offersNoPidsWithoutANode() {
        assertEquals(List.of(), complete("<"));
    }

    @Test
    void offersNoPidsWhileTheNodeIsBusyRatherThanWait() throws Exception {
        FakeNode slow = nodes.start("slow", Set.of("memory"));
        Job job = jobs.start(slow.address());
        job.submit("memory(heap).", () -> 80, () -> 24);
        Eventually.until(() -> slow.calls().contains("memory"), "the node to take the call");

        assertEquals(List.of(), complete("<"));
        assertFalse(slow.calls().contains("processes"), slow.calls().toString());
    }

    /** The candidates for {@code line} with the cursor at its end. */
    private List<String> complete(String line) {
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(null, new WordParser().parse(line, line.length()), candidates);
        return candidates.stream().map(Candidate::value).toList();
    }
}
