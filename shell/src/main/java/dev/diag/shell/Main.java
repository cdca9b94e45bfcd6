package dev.diag.shell;

import dev.diag.shell.cli.AttachCommand;
import dev.diag.shell.cli.CompletionCommand;
import dev.diag.shell.cli.ConnectionOptions;
import dev.diag.shell.cli.DemoCommand;
import dev.diag.shell.cli.DiagException;
import dev.diag.shell.cli.DiagVersion;
import dev.diag.shell.cli.InjectCommand;
import dev.diag.shell.cli.LoadCommand;
import dev.diag.shell.cli.NodesCommand;
import dev.diag.shell.cli.QuickArgs;
import dev.diag.shell.cli.ScriptRunner;
import dev.diag.shell.cli.ShellExit;
import dev.diag.shell.cli.StdinScript;
import dev.diag.shell.repl.Console;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The {@code diag} command. With {@code --cmd}, or calls piped to stdin, runs the calls on the node
 * (or on every node of {@code --nodes}) and exits (scripts); without, opens a console on the node.
 * Every failure is one sentence on stderr and a documented exit code.
 */
@Command(name = "diag", mixinStandardHelpOptions = true, versionProvider = DiagVersion.class,
        description = "Live diagnostics for a running JVM, in the manner of erl -remsh.%n"
                + "  diag --cmd memory --node orders     one call, then exit%n"
                + "  diag --cmd memory --nodes a,b,c     the same call on three nodes at once%n"
                + "  echo memory | diag --node orders    calls from stdin, one a line%n"
                + "  diag load --node orders Foo.class    new class files, checked, loaded in one step%n"
                + "  diag attach orders                  a console on the node",
        subcommands = {AttachCommand.class, NodesCommand.class, InjectCommand.class, LoadCommand.class, DemoCommand.class,
            CompletionCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {

    @Option(names = QuickArgs.CMD, paramLabel = "EXPR",
            description = "call to run, e.g. memory or 'erlang:memory(heap).'; repeat for several, run in order")
    List<String> commands = new ArrayList<>();

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() throws DiagException {
        if (commands.isEmpty() && StdinScript.isTerminal()) {
            return Console.run(connection.connector(), connection.oneNode("the console"));
        }
        return ScriptRunner.run(connection, commands); // no --cmd: the calls piped to stdin
    }

    // No method of this class may name a picocli type in its signature: the launcher looks up main
    // through reflection, which loads every type the public methods name, and picocli's classes
    // (class-file version 49) cannot be archived for class-data sharing on JDK 17, so naming one
    // here would parse its 72 KB CommandLine class on every one-shot call (MainCommandLine has it).
    public static void main(String[] args) {
        // The one-shot path skips picocli, which costs a one-shot call more than anything else
        // it does (its classes cannot be archived for class-data sharing on JDK 17).
        QuickArgs.Parsed quick = QuickArgs.parse(args);
        if (quick != null) {
            ShellExit.exit(quick.run());
        }
        System.exit(MainCommandLine.build().execute(args));
    }
}
