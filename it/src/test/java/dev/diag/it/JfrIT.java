package dev.diag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * jfr:start, jfr:dump and jfr:stop by bin/diag against a real target: the file it writes is one the
 * JDK's own {@code jfr summary} reads, and no recording of diag's is left in the JVM once jfr:stop()
 * or stop() ran, as the JDK's own {@code jcmd PID JFR.check} sees it.
 */
class JfrIT {

    @Test
    void dumpsARecordingTheJdkReadsAndLeavesNoneRunningAfterStop() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = TargetJvm.start(home, "orders")) {
            Path file = home.path().resolve("orders.jfr");
            DiagCli.Run started = DiagCli.run(home, "--node", "orders", "--cmd", "jfr:start(profile)");
            assertEquals(0, started.exit(), started::toString);
            assertTrue(started.out().startsWith("Started a flight recording on the node with the JDK's profile settings"),
                    started::toString);
            assertTrue(jcmd(target, "JFR.check").contains("name=diag"), "the JVM lists diag's recording");

            DiagCli.Run dumped = DiagCli.run(home, "--node", "orders", "--cmd", "jfr:dump(\"" + file + "\")");
            assertEquals(0, dumped.exit(), dumped::toString);
            assertTrue(dumped.out().contains("Wrote " + file + " on the node: "), dumped::toString);
            String summary = jdkTool("jfr", "summary", file.toString());
            assertTrue(summary.contains("jdk.JVMInformation"), summary);

            DiagCli.Run again = DiagCli.run(home, "--node", "orders", "--cmd", "jfr:dump(\"" + file + "\")");
            assertEquals(1, again.exit(), again::toString);
            assertTrue(again.err().strip().endsWith(file + " already exists on the node; jfr:dump never overwrites a "
                    + "file, give a new name"), again::toString);

            DiagCli.Run stopped = DiagCli.run(home, "--node", "orders", "--cmd", "jfr:stop()");
            assertEquals(0, stopped.exit(), stopped::toString);
            assertTrue(stopped.out().startsWith("Stopped the flight recording (profile settings) after "), stopped::toString);
            assertTrue(!jcmd(target, "JFR.check").contains("name=diag"), "no recording of diag's after jfr:stop()");

            // a recording left running is ended by stop(), as the agent unloads
            assertEquals(0, DiagCli.run(home, "--node", "orders", "--cmd", "jfr:start()").exit());
            assertEquals(0, DiagCli.run(home, "--node", "orders", "--cmd", "stop()").exit());
            String check = jcmd(target, "JFR.check");
            assertTrue(!check.contains("name=diag"), check);
            assertTrue(target.isAlive());
        }
    }

    private static String jcmd(TargetJvm target, String command) throws Exception {
        return jdkTool("jcmd", Long.toString(target.pid()), command);
    }

    /** Runs a tool of the JDK running the tests (jfr, jcmd) and answers its output; it must succeed. */
    private static String jdkTool(String tool, String... args) throws Exception {
        Path executable = Jdks.current().resolveSibling(tool);
        String[] command = new String[args.length + 1];
        command[0] = executable.toString();
        System.arraycopy(args, 0, command, 1, args.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), tool + " did not finish");
        assertEquals(0, process.exitValue(), output);
        return output;
    }
}
