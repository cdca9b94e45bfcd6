package dev.diag.shell.functions;

import dev.diag.protocol.message.RecordReader;
import dev.diag.protocol.result.HeartCommand;
import dev.diag.protocol.result.HeartStatus;
import dev.diag.shell.render.HeartCommandView;
import dev.diag.shell.render.HeartStatusView;
import java.util.List;
import java.util.Set;

/**
 * The heart functions' entries of the shell's table: heart:get_cmd/0, set_cmd/1, clear_cmd/0,
 * status/0. As everywhere in the table, a spec's name is the function's name and the agent's
 * ({@code get_cmd}), and its module, {@code heart}, is how it is written: {@code heart:get_cmd()}.
 * The bare {@code get_cmd()} works too, as no other module has these names.
 */
final class HeartSpecs {
    private static final Set<String> HEART = Set.of("heart");

    private HeartSpecs() {
    }

    static List<FunctionSpec> all() {
        FunctionSpec.Renderer command = (result, width) -> HeartCommandView.render(
                RecordReader.read(result, HeartCommand.class), width);
        return List.of(
                new FunctionSpec("get_cmd", 0, 0, HEART, "",
                        "heart:get_cmd() prints the command heart runs to restart this node, exactly as set",
                        "heart:get_cmd().",
                        command),
                new FunctionSpec("set_cmd", 1, 1, HEART, "\"Command\"",
                        "heart:set_cmd(\"...\") sets the restart command from now on: run by sh after heart kills a "
                                + "hung node or finds it dead; any length up to 1 MiB; \"\" for none",
                        "heart:set_cmd(\"exec java -jar /opt/orders/orders.jar\").",
                        command),
                new FunctionSpec("clear_cmd", 0, 0, HEART, "",
                        "heart:clear_cmd() goes back to the command the node started with (heart-command-file=, "
                                + "else HEART_COMMAND) and prints it",
                        "heart:clear_cmd().",
                        command),
                new FunctionSpec("status", 0, 0, HEART, "",
                        "heart:status(): the node's watchdog: heart's pid, timeout, last beat, health checks, "
                                + "restarts so far, where the restart command comes from",
                        "heart:status().",
                        (result, width) -> HeartStatusView.render(RecordReader.read(result, HeartStatus.class), width)));
    }
}
