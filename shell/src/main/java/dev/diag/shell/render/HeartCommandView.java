package dev.diag.shell.render;

import dev.diag.protocol.result.HeartCommand;
import java.util.List;

/**
 * Renders {@code heart:get_cmd()}, {@code set_cmd(Cmd)} and {@code clear_cmd()}: the command now in
 * effect, exactly as heart holds it, never wrapped or cut, so {@code cmd=$(diag --cmd
 * 'heart:get_cmd()')} gives it back (a command of several lines prints as those lines); where it
 * came from is in heart:status() and --json. No command: one line saying what heart does instead.
 *
 * <pre>
 * exec java -javaagent:/opt/diag/diag-agent.jar=name=orders,heart=true -jar /opt/orders/orders.jar
 * </pre>
 */
public final class HeartCommandView {
    static final String NONE = "(no restart command: heart would only kill the node; heart:set_cmd(\"...\") sets one)";

    private HeartCommandView() {
    }

    public static List<String> render(HeartCommand command, int width) {
        if (command.command().isEmpty()) {
            return List.of(NONE);
        }
        return List.of(command.command().split("\n", -1));
    }
}
