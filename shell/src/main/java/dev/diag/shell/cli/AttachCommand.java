package dev.diag.shell.cli;

import dev.diag.shell.repl.Console;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code diag attach NODE}: a console on a node, like {@code erl -remsh}. */
@Command(name = "attach", mixinStandardHelpOptions = true, versionProvider = DiagVersion.class, description = "Open a console on a node, like erl -remsh.")
public final class AttachCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "NODE", description = "name, name@host or name@host:port")
    String node;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() throws DiagException {
        return Console.run(connection.connector(), node != null ? node : connection.oneNode("a console"));
    }
}
