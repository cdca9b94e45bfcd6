package dev.diag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** diag inject: the agent loaded into JVMs started without it, and every way that can go wrong. */
class InjectIT {

    @Test
    void injectsIntoAPlainJvmWhoseMailboxesAreThenFoundAsAtStartUp() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir();
                TargetJvm plain = TargetJvm.startPlain(Jdks.current(), home, Repo.TEST_CLASSES.toString(),
                        "dev.diag.it.fixture.MailboxTarget")) {
            DiagCli.Run inject = DiagCli.run(home, "inject", Long.toString(plain.pid()), "--name", "late");

            assertEquals(0, inject.exit(), inject::toString);
            assertTrue(inject.out().contains("running as node late@") && inject.out().contains("diag attach late"),
                    inject::toString);
            DiagCli.Run memory = DiagCli.run(home, "--node", "late", "--cmd", "memory(heap)");
            assertEquals(0, memory.exit(), memory::toString);
            // JDK internals are opened by the late agent's Instrumentation too: pool queues are found
            DiagCli.Run regs = DiagCli.run(home, "--node", "late", "--cmd", "regs()");
            assertTrue(regs.out().lines().anyMatch(l -> l.contains("executor") && !l.startsWith("diag-call")),
                    regs::toString);
            assertFalse(regs.out().contains("not open"), regs::toString);
        }
    }

    @Test
    void nodesWithJvmsListsAPlainJvmAsOneToInjectInto() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir();
                TargetJvm plain = TargetJvm.startPlain(Jdks.current(), home, Repo.TEST_CLASSES.toString(),
                        "dev.diag.it.fixture.IdleTarget")) {
            DiagCli.Run run = DiagCli.run(home, "nodes", "--jvms");

            assertEquals(0, run.exit(), run::toString);
            assertTrue(run.out().lines().anyMatch(l -> l.contains("diag inject " + plain.pid())
                    && l.contains("IdleTarget")), run::toString);
        }
    }

    @Test
    void injectingTwiceStartsNoSecondServer() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir();
                TargetJvm plain = TargetJvm.startPlain(Jdks.current(), home, Repo.TEST_CLASSES.toString(),
                        "dev.diag.it.fixture.IdleTarget")) {
            assertEquals(0, DiagCli.run(home, "inject", Long.toString(plain.pid())).exit());

            DiagCli.Run again = DiagCli.run(home, "inject", Long.toString(plain.pid()), "--name", "second");

            assertEquals(0, again.exit(), again::toString);
            assertTrue(again.out().contains("already runs diag as node jvm" + plain.pid()), again::toString);
            assertEquals(1, plain.output().lines().filter(l -> l.contains("listening on")).count(), plain.output());
        }
    }

    @Test
    void aProcessThatIsNotAJvmIsOneSentence() throws Exception {
        Process sleep = new ProcessBuilder("sleep", "30").start();
        try (DiagHomeDir home = new DiagHomeDir()) {
            DiagCli.Run run = DiagCli.run(home, "inject", Long.toString(sleep.pid()));

            assertEquals(3, run.exit(), run::toString);
            assertEquals(1, run.err().lines().count(), run::toString);
            assertTrue(run.err().contains("not a JVM that accepts attach"), run::toString);
        } finally {
            sleep.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aPidThatDoesNotExistIsOneSentence() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir()) {
            DiagCli.Run run = DiagCli.run(home, "inject", "999999");

            assertEquals(3, run.exit(), run::toString);
            assertTrue(run.err().contains("no process has pid 999999"), run::toString);
        }
    }

    /** Needs a JDK 21+ (25 here): its dynamic-agent rules differ from 17's. */
    @Test
    void aJdk21TargetTakesTheAgentWithAWarningOrRefusesItWhenToldTo() throws Exception {
        Path modern = Jdks.requireModern();
        try (DiagHomeDir home = new DiagHomeDir();
                TargetJvm warned = TargetJvm.startPlain(modern, home, Repo.TEST_CLASSES.toString(),
                        "dev.diag.it.fixture.IdleTarget");
                TargetJvm refusing = TargetJvm.startPlain(modern, home, Repo.TEST_CLASSES.toString(),
                        "dev.diag.it.fixture.IdleTarget", "-XX:-EnableDynamicAgentLoading")) {
            DiagCli.Run ok = DiagCli.run(home, "inject", Long.toString(warned.pid()), "--name", "modern");
            assertEquals(0, ok.exit(), ok::toString);
            assertTrue(ok.out().contains("-XX:+EnableDynamicAgentLoading"), ok::toString);
            assertEquals(0, DiagCli.run(home, "--node", "modern", "--cmd", "memory(heap)").exit());

            DiagCli.Run refused = DiagCli.run(home, "inject", Long.toString(refusing.pid()));
            assertEquals(3, refused.exit(), refused::toString);
            assertEquals(1, refused.err().lines().count(), refused::toString);
            assertTrue(refused.err().contains("refused the agent") && refused.err().contains("EnableDynamicAgentLoading"),
                    refused::toString);
            assertTrue(refusing.isAlive());
        }
    }
}
