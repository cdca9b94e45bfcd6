package dev.diag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The console in a real terminal (tmux) against real nodes: prompts, calls, Ctrl-C, ^G job control. */
class ConsoleIT {

    @Test
    void promptCountsCallsAndAnswersThemInTheConsole() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = TargetJvm.start(home, "orders");
                Tmux tmux = new Tmux(home, Repo.DIAG + " attach orders")) {
            tmux.awaitText("(orders@", 30);
            tmux.awaitText(")1> ", 10);
            tmux.line("memory(heap).");
            String screen = tmux.awaitText(")2> ", 10);
            assertTrue(screen.lines().anyMatch(l -> l.matches("\\d+ +\\(heap: .*\\)")), screen);
            assertTrue(screen.contains("Attached to orders@") && screen.contains("Java 17"), screen);

            tmux.line("memroy().");
            screen = tmux.awaitText("did you mean memory", 10);
            tmux.line("memory(");
            screen = tmux.awaitText("^ expected an argument", 10);
            tmux.line("q().");
            tmux.awaitConsoleEnded(10);
            assertTrue(target.isAlive(), "q(). must never stop the node");
        }
    }

    @Test
    void ctrlCCancelsTheRunningCallAndTheConsoleStays() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir();
                TargetJvm demo = TargetJvm.start(Jdks.current(), home, "demo", "", Repo.DEMO_JAR.toString(),
                        "dev.diag.demo.DemoNode", "--leak")) {
            awaitThreads(home, "demo", 200); // handlers pile up: i() then needs several pages
            pageThroughAndCancel(home);
            assertTrue(demo.isAlive());
        }
    }

    private static void pageThroughAndCancel(DiagHomeDir home) throws Exception {
        try (Tmux tmux = new Tmux(home, Repo.DIAG + " attach demo")) {
            tmux.awaitText(")1> ", 30);
            tmux.line("i().");
            tmux.awaitText("(c)ontinue (q)uit -->", 20);
            tmux.keys("C-c"); // at the pager: stop the listing, cancel the call on the node
            String screen = tmux.awaitText(")2> ", 10);
            assertFalse(screen.contains("Exception"), screen);
            tmux.line("memory(heap).");
            screen = tmux.awaitText(")3> ", 10);
            assertTrue(screen.contains("(heap: "), screen);
        }
    }

    private static void awaitThreads(DiagHomeDir home, String node, int threads) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            DiagCli.Run run = DiagCli.run(home, "--node", node, "--json", "--cmd", "processes()");
            if (run.exit() == 0 && Tmux.count(run.out(), ",") + 1 >= threads) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(node + " did not reach " + threads + " threads within 60 s");
    }

    @Test
    void ctrlGMenuStartsListsConnectsAndKillsJobs() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm alpha = TargetJvm.start(home, "alpha");
                TargetJvm beta = TargetJvm.start(home, "beta");
                Tmux tmux = new Tmux(home, Repo.DIAG + " attach alpha")) {
            tmux.awaitText("(alpha@", 30);
            tmux.line("memory(heap).");
            tmux.awaitText("(alpha@vm)2> ".replace("vm", hostOf(tmux.screen())), 10);

            tmux.keys("C-g");
            tmux.awaitText("User switch command", 10);
            tmux.line("h");
            String screen = tmux.awaitText("? | h             - this message", 10);
            assertTrue(screen.contains("  r [node [shell]]  - start remote shell"), screen);
            assertTrue(screen.contains("  q                 - quit"), screen);

            tmux.line("r beta"); // as in Erlang, the new job becomes the current one
            tmux.awaitText("Job 2 on beta@", 10);
            tmux.line("j");
            screen = tmux.awaitText("   2* beta@", 10);
            assertTrue(screen.contains("   1  alpha@"), screen);

            tmux.line("c"); // no number: the current job, beta
            tmux.awaitText("(beta@", 10);
            tmux.line("memory(heap).");
            screen = tmux.awaitCount("(heap: ", 2, 10);

            tmux.keys("C-g");
            tmux.awaitCount("User switch command", 2, 10);
            tmux.line("c 7");
            tmux.awaitText("Unknown job", 10);
            tmux.line("x");
            tmux.awaitText("Unknown switch command", 10);
            tmux.line("c 1");
            tmux.awaitText("(alpha@" + hostOf(tmux.screen()) + ")2> ", 10); // alpha's own counter went on
            tmux.keys("C-g");
            tmux.awaitCount("User switch command", 3, 10);
            tmux.line("k 2");
            tmux.line("j");
            screen = tmux.awaitText("   1* alpha@", 10); // starred for the first time: c 1 made it current
            int afterKill = screen.lastIndexOf(" --> k 2");
            assertFalse(screen.substring(afterKill).contains("beta@"), screen);
            tmux.line("q");
            tmux.awaitConsoleEnded(10);
            assertTrue(alpha.isAlive() && beta.isAlive(), "leaving the console must not stop nodes");
        }
    }

    @Test
    void attachingAnUnknownNodeIsASentenceAndTheConsoleStaysUsable() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = TargetJvm.start(home, "orders");
                Tmux tmux = new Tmux(home, Repo.DIAG + " attach ordres")) {
            String screen = tmux.awaitText("no node named ordres", 30);
            tmux.awaitText("(no node)> ", 10);
            tmux.line("attach orders");
            tmux.awaitText("(orders@", 10);
            tmux.line("memory(heap).");
            screen = tmux.awaitText("(heap: ", 10);
            assertEquals(1, Tmux.count(screen, "no node named ordres"), screen);
        }
    }

    @Test
    void tabCompletesFunctionNamesAndCtrlCAtAnEmptyPromptAsksBeforeLeaving() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = TargetJvm.start(home, "orders");
                Tmux tmux = new Tmux(home, Repo.DIAG + " attach orders")) {
            tmux.awaitText(")1> ", 30);
            tmux.keys("-l", "process_inf");
            tmux.keys("Tab");
            tmux.awaitText(")1> process_info", 10);
            tmux.keys("-l", "(<1>, backtr");
            tmux.keys("Tab");
            tmux.awaitText("process_info(<1>, backtrace", 10);
            tmux.keys("-l", ").");
            tmux.keys("Enter");
            tmux.awaitText("\"main\"", 10);
            tmux.awaitText(")2> ", 10);

            tmux.keys("C-c");
            tmux.awaitText("Leave the console? The nodes keep running. [y/N]", 10);
            tmux.line("n");
            tmux.line("memory(heap).");
            tmux.awaitText(")3> ", 10);
            tmux.keys("C-c");
            tmux.awaitCount("Leave the console?", 2, 10);
            tmux.line("y");
            tmux.awaitConsoleEnded(10);
            assertTrue(target.isAlive());
        }
    }

    @Test
    void aJobWhoseNodeWentAwaySaysSoAndReconnectsToItsRestart() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm first = TargetJvm.start(home, "orders");
                Tmux console = new Tmux(home, Repo.DIAG + " attach orders")) {
            console.awaitText(")1> ", 30);
            first.kill(); // as a crash would; heart would restart it under the same name
            console.line("memory(heap).");
            console.awaitText("lost the connection", 10);
            try (TargetJvm second = TargetJvm.start(home, "orders")) {
                console.keys("C-g");
                console.awaitText("User switch command", 10);
                console.line("c");
                console.awaitText("is gone. Reconnect? [y/N]", 10);
                console.line("y");
                console.line("memory(heap).");
                String screen = console.awaitText("(heap: ", 10);
                assertTrue(screen.contains("Attached to orders@"), screen);
            }
        }
    }

    private static String hostOf(String screen) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Attached to [a-z]+@([A-Za-z0-9.-]+)").matcher(screen);
        if (!m.find()) {
            throw new AssertionError("no banner on the screen:\n" + screen);
        }
        return m.group(1);
    }
}
