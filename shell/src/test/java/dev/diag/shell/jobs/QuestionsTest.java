package dev.diag.shell.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class QuestionsTest {

    @Test
    void aJobWaitsForTheConsolesAnswerAndAnAnsweredQuestionIsNoLongerPending() throws Exception {
        Questions questions = new Questions();
        CompletableFuture<String> asked = CompletableFuture.supplyAsync(() -> questions.ask("continue? "));
        Questions.Pending pending = null;
        for (int i = 0; i < 200 && pending == null; i++) {
            pending = questions.pending();
            Thread.sleep(5);
        }
        assertNotNull(pending, "the job did not ask within 1 s");
        assertEquals("continue? ", pending.prompt());

        pending.answer("c");

        assertNull(questions.pending()); // even before the asker wakes: no second prompt
        assertEquals("c", asked.get(5, TimeUnit.SECONDS));
    }

    @Test
    void anAbandonedQuestionReadsAsQuit() throws Exception {
        Questions questions = new Questions();
        CompletableFuture<String> asked = CompletableFuture.supplyAsync(() -> questions.ask("continue? "));
        for (int i = 0; i < 200 && questions.pending() == null; i++) {
            Thread.sleep(5);
        }
        assertNotNull(questions.pending(), "the job did not ask within 1 s");
        questions.abandon();
        assertEquals("q", asked.get(5, TimeUnit.SECONDS));
    }
}
