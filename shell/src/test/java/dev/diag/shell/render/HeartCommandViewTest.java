package dev.diag.shell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.diag.protocol.result.HeartCommand;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeartCommandViewTest {

    @Test
    void printsTheCommandExactlyNeverWrappedOrCut() {
        String command = "exec java -javaagent:/opt/diag/diag-agent.jar=name=orders,heart=true " + "-Dx=ünï😀 ".repeat(40);
        assertEquals(List.of(command), HeartCommandView.render(new HeartCommand(command, "set_cmd"), 40));
    }

    @Test
    void printsACommandOfSeveralLinesAsThoseLines() {
        assertEquals(List.of("cd /opt/orders", "exec java -jar orders.jar", ""),
                HeartCommandView.render(new HeartCommand("cd /opt/orders\nexec java -jar orders.jar\n", "code"), 80));
    }

    @Test
    void saysWhatHeartDoesWithoutOne() {
        assertEquals(List.of("(no restart command: heart would only kill the node; heart:set_cmd(\"...\") sets one)"),
                HeartCommandView.render(new HeartCommand("", "none"), 80));
    }
}
