package dev.diag.shell.cli;

import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import dev.diag.protocol.cookie.DiagHome;
import dev.diag.protocol.cookie.UnsafePathException;
import dev.diag.protocol.message.JsonTree;
import dev.diag.protocol.node.LocalHost;
import dev.diag.protocol.node.NodeRecord;
import dev.diag.protocol.node.NodeRegistry;
import dev.diag.shell.render.JsonLines;
import dev.diag.shell.render.Table;
import dev.diag.shell.render.Units;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code diag nodes}: the nodes running on this host, from the local registry. Stale entries
 * (their JVM died without cleaning up) are removed on the way, never listed. Reads files only:
 * it neither connects to the nodes nor needs the cookie.
 */
@Command(name = "nodes", mixinStandardHelpOptions = true, versionProvider = DiagVersion.class, description = "List the diag nodes running on this host (--jvms: and JVMs to inject into).")
public final class NodesCommand implements Callable<Integer> {
    @Option(names = ConnectionOptions.JSON, description = "one JSON object per node")
    boolean json;

    @Option(names = "--jvms", description = "also list this user's JVMs that run no diag agent yet (to inject into)")
    boolean jvms;

    @Option(names = "--names", description = "only the nodes' names, one a line (for shell completion and scripts)")
    boolean names;

    @Override
    public Integer call() throws DiagException {
        NodeRegistry registry = new NodeRegistry(DiagHome.fromEnvironment().nodes());
        try {
            registry.checkModes();
        } catch (UnsafePathException e) {
            throw new DiagException(ExitCode.AUTH_REFUSED, e.getMessage() + ".");
        }
        List<NodeRecord> live = registry.live();
        if (names) {
            live.forEach(node -> System.out.println(node.name()));
            return ExitCode.OK.code;
        }
        long now = System.currentTimeMillis();
        if (json) {
            for (NodeRecord node : live) {
                System.out.println(JsonTree.text(JsonLines.line()
                        .put("node", node.name() + "@" + LocalHost.name())
                        .put("pid", node.pid())
                        .put("address", node.bind() + ":" + node.port())
                        .put("jvm", node.jvm())
                        .put("uptimeMillis", now - node.startedAtMillis())
                        .put("tls", node.speaksTls())));
            }
            return ExitCode.OK.code;
        }
        if (live.isEmpty() && !jvms) {
            System.out.println("no diag node runs on this host (start a JVM with -javaagent:diag-agent.jar=name=NAME, "
                    + "or inject one: bin/diag nodes --jvms lists JVMs)");
            return ExitCode.OK.code;
        }
        if (jvms) {
            return listWithJvms(live, now);
        }
        Table table = Table.of(List.of(Table.Align.LEFT, Table.Align.RIGHT, Table.Align.LEFT, Table.Align.LEFT,
                Table.Align.RIGHT), "NODE", "PID", "ADDRESS", "JVM", "UPTIME");
        for (NodeRecord node : live) {
            table.row(node.name() + "@" + LocalHost.name(), Long.toString(node.pid()), node.bind() + ":" + node.port()
                    + (node.speaksTls() ? " (TLS)" : ""), node.jvm(), Units.duration(now - node.startedAtMillis()));
        }
        table.render(TerminalWidth.ofStdout()).forEach(System.out::println);
        return ExitCode.OK.code;
    }

    /** Every JVM of this user the attach mechanism sees, with its node where it runs one. */
    private int listWithJvms(List<NodeRecord> live, long now) {
        Table table = Table.of(List.of(Table.Align.RIGHT, Table.Align.LEFT, Table.Align.LEFT), "PID", "NODE", "MAIN");
        long self = ProcessHandle.current().pid();
        for (VirtualMachineDescriptor jvm : VirtualMachine.list()) {
            long pid = Long.parseLong(jvm.id());
            if (pid == self) {
                continue;
            }
            String node = live.stream().filter(r -> r.pid() == pid).map(r -> r.name() + "@" + LocalHost.name())
                    .findFirst().orElse("- (bin/diag inject " + pid + ")");
            table.row(jvm.id(), node, jvm.displayName().isBlank() ? "?" : jvm.displayName());
        }
        table.render(TerminalWidth.ofStdout()).forEach(System.out::println);
        return ExitCode.OK.code;
    }
}
