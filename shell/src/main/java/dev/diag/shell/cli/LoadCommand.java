package dev.diag.shell.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.diag.protocol.message.RecordReader;
import dev.diag.protocol.result.UpgradeReport;
import dev.diag.shell.client.CallOutcome;
import dev.diag.shell.client.Connector;
import dev.diag.shell.client.Evaluator.Evaluation;
import dev.diag.shell.expr.Call;
import dev.diag.shell.expr.Term;
import dev.diag.shell.functions.FunctionSpec;
import dev.diag.shell.functions.FunctionTable;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code diag load --node N Foo.class Bar.class build/classes/ patch.jar}: sends new class files to a node,
 * which checks the whole set and redefines it in one atomic step, or changes nothing and says why
 * (code:load_binary). {@code --check} runs the check alone (code:check_upgrade) and exits 1 when it
 * finds a problem. The order of the files does not matter: they travel, and load, together.
 */
@Command(name = "load", mixinStandardHelpOptions = true, versionProvider = DiagVersion.class, description = "Load new class files into a node in one atomic step, checked first "
        + "(code:load_binary); --check only checks.")
public final class LoadCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "class files (one of a class the node has not "
            + "loaded is defined), and directories and jars to take every .class file from (those of classes not "
            + "loaded only when the set uses them)")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--check", description = "check the set (code:check_upgrade) and change nothing")
    boolean check;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() throws DiagException {
        String node = connection.oneNode("load");
        List<ClassFiles.Found> files = ClassFiles.collect(paths);
        ArrayNode argument = ClassFiles.argument(files);
        String function = check ? "check_upgrade" : "load_binary";
        FunctionSpec spec = FunctionTable.standard().find(function).orElseThrow();
        List<Term> shown = new ArrayList<>();
        paths.forEach(p -> shown.add(new Term.Str(p.toString())));
        Call call = new Call("code", function, List.of(new Term.ListOf(shown)));
        Connector connector = connection.connector();
        try (Connector.Connection session = connector.open(node)) {
            CallOutcome outcome;
            try {
                outcome = session.client().call(function, List.of(argument), connector.timeoutMillis());
            } catch (SocketTimeoutException e) {
                throw new DiagException(ExitCode.UNREACHABLE, session.node() + " did not answer " + function + " within "
                        + connector.timeoutMillis() / 1000 + " s; raise --timeout.");
            } catch (IOException e) {
                throw new DiagException(ExitCode.UNREACHABLE, "lost the connection to " + session.node() + " while loading "
                        + files.size() + " class files (" + ClassFiles.mib(argument.toString().length()) + " MiB as sent): "
                        + e.getMessage() + "; a node started with a max-frame= smaller than that closes the connection.");
            }
            boolean ok = connection.printer().print(session.node(), new Evaluation.Answer(call, spec, outcome));
            if (!ok) {
                return ExitCode.ofCallError(outcome.error()).code;
            }
            return check && !passed(outcome) ? ExitCode.CALL_FAILED.code : ExitCode.OK.code;
        }
    }

    private static boolean passed(CallOutcome outcome) {
        try {
            return RecordReader.read(outcome.result(), UpgradeReport.class).passed();
        } catch (IOException e) {
            return false;
        }
    }
}
