package dev.diag.shell;

import dev.diag.shell.cli.DiagException;
import dev.diag.shell.cli.ExitCode;
import picocli.CommandLine;

/**
 * The {@code diag} command line as picocli reads it (help, subcommands, the console, every
 * invocation {@link dev.diag.shell.cli.QuickArgs} leaves to it), with diag's exit-code table and
 * error style. Kept out of {@link Main} so the one-shot path never loads picocli.
 */
public final class MainCommandLine {
    private MainCommandLine() {
    }

    public static CommandLine build() {
        CommandLine line = new CommandLine(new Main());
        for (CommandLine command : line.getSubcommands().values()) {
            command.getCommandSpec().usageMessage().footerHeading("%nExit codes:%n").footer(ExitCode.helpTable());
        }
        line.getCommandSpec().usageMessage().footerHeading("%nExit codes:%n").footer(ExitCode.helpTable());
        line.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println("diag: " + e.getMessage() + " ("
                    + e.getCommandLine().getCommandSpec().qualifiedName() + " --help lists the options)");
            return ExitCode.USAGE.code;
        });
        line.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof DiagException diag) {
                return diag.report(command.getErr());
            }
            command.getErr().println("diag: internal error, please report it: " + e);
            return ExitCode.CALL_FAILED.code;
        });
        return line;
    }
}
