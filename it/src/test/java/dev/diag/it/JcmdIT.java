package dev.diag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.diag.protocol.message.Json;
import org.junit.jupiter.api.Test;

/** jcmd(...) by bin/diag against a real target: the JVM's own commands, the unknown and the refused ones. */
class JcmdIT {

    @Test
    void runsVmFlagsAndRefusesAnUnknownCommandAndAFileWriter() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = TargetJvm.start(home, "orders")) {
            DiagCli.Run flags = DiagCli.run(home, "--node", "orders", "--cmd", "jcmd(\"VM.flags\")");
            assertEquals(0, flags.exit(), flags::toString);
            assertTrue(flags.out().contains("-XX:MaxHeapSize="), flags::toString);

            DiagCli.Run json = DiagCli.run(home, "--node", "orders", "--json", "--cmd", "jcmd(\"VM.version\")");
            assertEquals(0, json.exit(), json::toString);
            assertEquals(1, json.outLines().size(), json::toString);
            JsonNode version = Json.mapper().readTree(json.out()).get("result");
            assertEquals("LOW", version.get("impactLevel").asText());
            assertTrue(version.get("text").asText().contains("JDK"), json::toString);

            DiagCli.Run unknown = DiagCli.run(home, "--node", "orders", "--cmd", "jcmd(\"VM.flag\")");
            assertEquals(1, unknown.exit(), unknown::toString);
            assertTrue(unknown.err().strip().matches("diag: jcmd\\(\"VM\\.flag\"\\): the JVM has no diagnostic command "
                    + "VM\\.flag; nearest: VM\\.flags(, [A-Za-z._]+)*; jcmd\\(\\) lists all \\d+"), unknown::toString);

            DiagCli.Run refused = DiagCli.run(home, "--node", "orders", "--cmd", "jcmd(\"JFR.start\", \"filename=/tmp/x.jfr\")");
            assertEquals(1, refused.exit(), refused::toString);
            assertTrue(refused.err().strip().startsWith("diag: jcmd(\"JFR.start\", \"filename=/tmp/x.jfr\"): diag does not "
                    + "run JFR.start: it writes a file on the node's host where the caller says"), refused::toString);
            assertTrue(target.isAlive());
        }
    }
}
