package dev.diag.shell.jobs;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A job's questions to the user (a pager's "continue?"). Only the console's own thread reads the
 * terminal, so a job asks here and waits; the console answers while the job is the current one,
 * and a job in the background simply waits until the user connects to it again.
 */
public final class Questions {
    private Pending pending;

    /** A question waiting for the user. */
    public static final class Pending {
        private final String prompt;
        private final CompletableFuture<String> answer = new CompletableFuture<>();

        Pending(String prompt) {
            this.prompt = prompt;
        }

        public String prompt() {
            return prompt;
        }

        public void answer(String text) {
            answer.complete(text);
        }
    }

    /** Asks and waits; an interrupted or abandoned question reads as "q". */
    String ask(String prompt) {
        Pending question = new Pending(prompt);
        synchronized (this) {
            pending = question;
        }
        try {
            return question.answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "q";
        } catch (ExecutionException e) {
            return "q";
        } finally {
            synchronized (this) {
                pending = null;
            }
        }
    }

    /** The question waiting for an answer, or null (an answered one no longer waits, even before its asker wakes). */
    public synchronized Pending pending() {
        return pending == null || pending.answer.isDone() ? null : pending;
    }

    /** Answers any waiting question with "q": the job is going away. */
    synchronized void abandon() {
        if (pending != null) {
            pending.answer("q");
        }
    }
}
