package dev.diag.shell.repl;

import dev.diag.shell.cli.DiagException;
import dev.diag.shell.cli.ExitCode;
import dev.diag.shell.client.Connector;
import dev.diag.shell.client.Evaluator.Evaluation;
import dev.diag.shell.client.HelpAnswer;
import dev.diag.shell.functions.FunctionTable;
import dev.diag.shell.jobs.ConsoleWord;
import dev.diag.shell.jobs.Job;
import dev.diag.shell.jobs.JobTable;
import dev.diag.shell.jobs.LocalShell;
import dev.diag.shell.jobs.Questions;
import dev.diag.shell.jobs.SwitchCommand;
import dev.diag.shell.render.ResultPrinter;
import java.io.IOException;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;

/**
 * One console session, top to bottom: read a line for the current job, or wait for its running
 * call while watching for ^G and answering its questions; the ^G menu; attaching. Everything the
 * user can get wrong is a sentence and the console goes on.
 */
final class Session {
    /** Where the session goes after a line, a key or a menu command: the menu again, a job's prompt, or away. */
    private enum Next { MENU, PROMPT, LEAVE }

    private final Terminal terminal;
    private final LineReader reader;
    private final LineReader plain;
    private final PrintStream out;
    private final JobTable jobs;
    private final Connector connector;
    private final Set<Job> greeted = new HashSet<>();

    Session(Terminal terminal, LineReader reader, LineReader plain, PrintStream out, JobTable jobs, Connector connector) {
        this.terminal = terminal;
        this.reader = reader;
        this.plain = plain;
        this.out = out;
        this.jobs = jobs;
        this.connector = connector;
    }

    int run(String node) {
        start(node);
        if (jobs.current().isEmpty()) {
            out.println("No node attached: attach NODE, or ^G then r NODE. q(). leaves.");
        }
        while (true) {
            Optional<Job> job = jobs.current();
            if (job.isPresent() && job.get().busy()) {
                if (waitFor(job.get()) == Next.LEAVE) {
                    return ExitCode.OK.code;
                }
                continue;
            }
            String line;
            try {
                line = reader.readLine(job.map(Job::prompt).orElse("(no node)> "));
            } catch (UserInterruptException e) {
                if (confirm("Leave the console? The nodes keep running. [y/N] ")) {
                    return ExitCode.OK.code;
                }
                continue;
            } catch (EndOfFileException e) {
                return ExitCode.OK.code;
            }
            if (line.equals(Console.SWITCH)) {
                if (switchMenu() == Next.LEAVE) {
                    return ExitCode.OK.code;
                }
                continue;
            }
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            Optional<ConsoleWord.Use> word = ConsoleWord.read(trimmed);
            Next next = word.isEmpty() ? call(job, trimmed) : switch (word.get().word()) {
                case HELP -> call(job, trimmed); // the job's evaluator knows what the node's functions cost
                case ATTACH -> start(word.get().argument());
                case QUIT -> Next.LEAVE;
            };
            if (next == Next.LEAVE) {
                return ExitCode.OK.code;
            }
        }
    }

    /** Runs {@code line} on the current job, or says why there is none to run it on. */
    private Next call(Optional<Job> job, String line) {
        Optional<Evaluation> help = job.isEmpty() || job.get().gone()
                ? HelpAnswer.withoutNode(FunctionTable.standard(), line) : Optional.empty();
        if (help.isPresent()) { // the shell knows its functions: help() needs no node
            new ResultPrinter(out, out, false, terminal.getWidth()).print("diag", help.get());
        } else if (job.isEmpty()) {
            out.println("No node attached: attach NODE, or ^G then r NODE.");
        } else if (job.get().gone()) {
            out.println(job.get().node() + " is gone; ^G then c to reconnect (it may have been restarted).");
        } else {
            job.get().submit(line, terminal::getWidth, terminal::getHeight);
        }
        return Next.PROMPT;
    }

    /** Waits for the job's call: answers its questions, opens the menu on ^G. */
    private Next waitFor(Job job) {
        Attributes cooked = terminal.enterRawMode();
        try {
            while (job.busy()) {
                Questions.Pending question = job.questions().pending();
                if (question != null) {
                    terminal.setAttributes(cooked);
                    question.answer(ask(question.prompt()));
                    terminal.enterRawMode();
                    continue;
                }
                int key = terminal.reader().read(50);
                if (key >= 0 && job.live()) { // any key, ^G too, stops a live view; it is not typed ahead
                    job.interrupt();
                    drainKeys();
                    continue;
                }
                if (key == 7) { // ^G: the call goes on in the background, its output held
                    terminal.setAttributes(cooked);
                    return switchMenu();
                }
                if (key >= 0) {
                    // typed ahead while the call ran: keep it for the next prompt, as a shell does
                    reader.runMacro(Character.toString((char) key));
                }
            }
            return Next.PROMPT;
        } catch (IOException e) {
            return Next.PROMPT;
        } finally {
            terminal.setAttributes(cooked);
        }
    }

    /** The rest of a key's bytes (an arrow key sends three): they stopped the view too, and must not reach the prompt. */
    private void drainKeys() throws IOException {
        while (terminal.reader().read(20) >= 0) {
            // dropped
        }
    }

    /** Erlang's User switch command menu, until a command connects to a job or leaves. */
    private Next switchMenu() {
        jobs.current().ifPresent(j -> j.output().detach());
        out.println();
        out.println("User switch command");
        while (true) {
            String line;
            try {
                line = plain.readLine(" --> ");
            } catch (UserInterruptException | EndOfFileException e) {
                line = "c";
            }
            SwitchCommand command = SwitchCommand.parse(line);
            Next next = switch (command.kind()) {
                case CONNECT -> jobs.find(command.jobNumber()).map(this::connect).orElseGet(() -> say("Unknown job"));
                case INTERRUPT -> onJob(command, Job::interrupt);
                case KILL -> onJob(command, jobs::kill);
                case JOBS -> say(jobs.listing());
                case LOCAL -> startLocal();
                case REMOTE -> command.argument() == null ? say("r needs a node: r NODE, e.g. r orders@db1")
                        : startJob(command.argument().split("\\s+")[0]);
                case QUIT -> Next.LEAVE;
                case HELP -> say(SwitchCommand.HELP);
                case NOTHING -> Next.MENU;
                case UNKNOWN -> say("Unknown switch command");
            };
            if (next != Next.MENU) {
                return next;
            }
        }
    }

    /** i and k: {@code action} on the job named, or the current one. */
    private Next onJob(SwitchCommand command, Consumer<Job> action) {
        jobs.find(command.jobNumber()).ifPresentOrElse(action, () -> out.println("Unknown job"));
        return Next.MENU;
    }

    /** A menu command's answer; the menu goes on. */
    private Next say(String line) {
        return say(List.of(line));
    }

    private Next say(List<String> lines) {
        lines.forEach(out::println);
        return Next.MENU;
    }

    /**
     * Makes {@code job} current and shows what it printed meanwhile; offers to reconnect a gone
     * node, and stays in the menu if the user declines or the node is still away.
     */
    private Next connect(Job job) {
        if (job.gone()) {
            if (!confirm("Job " + job.id() + "'s node " + job.node() + " is gone. Reconnect? [y/N] ")) {
                return Next.MENU;
            }
            try {
                job.connect();
            } catch (DiagException e) {
                out.println(e.getMessage());
                return Next.MENU;
            }
        }
        jobs.makeCurrent(job);
        greet(job);
        try {
            job.output().attach();
        } catch (IOException e) {
            // the terminal is gone; the next read ends the session
        }
        return Next.PROMPT;
    }

    /** attach NODE (or the node given on the command line): a new job, made current and connected to. */
    private Next start(String node) {
        Optional<Job> before = jobs.current();
        try {
            Job job = jobs.start(node == null || node.isEmpty() ? null : node);
            before.ifPresent(j -> j.output().detach()); // the job left behind holds its output, as after ^G
            return connect(job);
        } catch (DiagException e) {
            out.println(e.getMessage());
            return Next.PROMPT;
        }
    }

    /** ^G s: a node in the console's own JVM, and a job on it. */
    private Next startLocal() {
        try {
            return startJob(LocalShell.start(connector.home()));
        } catch (DiagException e) {
            return say(e.getMessage());
        }
    }

    /** ^G r / s: a new job, made current as Erlang makes it: j stars it and c alone connects to it. */
    private Next startJob(String node) {
        try {
            Job job = jobs.start(node);
            return say("Job " + job.id() + " on " + job.node() + ", now current; c connects to it.");
        } catch (DiagException e) {
            return say(e.getMessage());
        }
    }

    /** A job's banner, the first time the user connects to it. */
    private void greet(Job job) {
        if (greeted.add(job)) {
            Banner.of(job, terminal.getWidth()).forEach(out::println);
        }
    }

    private String ask(String prompt) {
        try {
            return plain.readLine(prompt);
        } catch (UserInterruptException | EndOfFileException e) {
            return "q";
        }
    }

    private boolean confirm(String question) {
        return ask(question).strip().toLowerCase().startsWith("y");
    }
}
