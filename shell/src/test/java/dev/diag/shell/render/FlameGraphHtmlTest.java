package dev.diag.shell.render;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.protocol.result.ProfileReport;
import dev.diag.protocol.result.ProfileStack;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlameGraphHtmlTest {

    @Test
    void putsTheStacksIntoOnePageThatNeedsNoNetwork() {
        String page = FlameGraphHtml.render(report(new ProfileStack("java/lang/Thread.run;com/example/Pricing.quote", 9)),
                "orders@vm");

        assertTrue(page.startsWith("<!DOCTYPE html>"));
        assertTrue(page.contains("[\"java/lang/Thread.run;com/example/Pricing.quote\",9]"), page);
        assertTrue(page.contains("<title>orders@vm: cpu profile</title>"));
        assertFalse(page.contains("/*DATA*/") || page.contains("src=\"http") || page.contains("href=\"http"));
    }

    @Test
    void aFrameNameCannotEndTheScriptOrAddMarkup() {
        String page = FlameGraphHtml.render(report(new ProfileStack("Main.run;</script><script>alert(1)", 1)),
                "<b>node</b>");

        assertFalse(page.contains("</script><script>alert"), "a frame ended the script element");
        assertFalse(page.contains("<b>node</b>"), "the node's name became markup");
    }

    private static ProfileReport report(ProfileStack stack) {
        return new ProfileReport("cpu", "perf_events", "samples", 1_000, 9, 9, List.of(stack), 0, 0, List.of(),
                "async-profiler 4.2");
    }
}
