package dev.diag.shell.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code diag completion bash|zsh}: a completion script to source, picocli's for the subcommands
 * and options, wrapped so that {@code --node}, {@code --nodes} and {@code attach} complete the
 * names of the nodes running now ({@code diag nodes --names}, asked at each completion: the
 * registry changes as JVMs start and stop). zsh runs the same script through bashcompinit.
 */
@Command(name = "completion", mixinStandardHelpOptions = true, versionProvider = DiagVersion.class,
        description = "Print a completion script for bash or zsh: source <(diag completion bash)")
public final class CompletionCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh")
    String shell;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws DiagException {
        if (!shell.equals("bash") && !shell.equals("zsh")) {
            throw new DiagException(ExitCode.USAGE, "no completion for " + shell + ": diag completes in bash or zsh.");
        }
        CommandLine root = spec.root().commandLine();
        String script = AutoComplete.bash("diag", root);
        System.out.print(script);
        System.out.print(NODE_NAMES);
        return ExitCode.OK.code;
    }

    /** After picocli's script: node names where a node is asked for, picocli's completion elsewhere. */
    static final String NODE_NAMES = """

            # diag: node names where a node is asked for, from the nodes running now
            _diag_complete_nodes() {
              local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"
              if [[ "$prev" == "--node" || "$prev" == "--nodes" \\
                    || ( "${COMP_WORDS[1]}" == "attach" && "$COMP_CWORD" -eq 2 && "$cur" != -* ) ]]; then
                local IFS=$'\\n'
                COMPREPLY=( $(compgen -W "$(diag nodes --names 2>/dev/null)" -- "$cur") )
                return 0
              fi
              _complete_diag "$@"
            }
            complete -F _diag_complete_nodes diag
            """;
}
