package dev.diag.shell.cli;

import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import dev.diag.protocol.cookie.DiagHome;
import dev.diag.protocol.cookie.UnsafePathException;
import dev.diag.protocol.message.JsonTree;
import dev.diag.protocol.node.LocalHost;
import dev.diag.protocol.node.NodeRecord;
import dev.diag.protocol.node.NodeRegistry;
import dev.diag.shell.client.ContainerNodes;
import dev.diag.shell.client.ContainerSessions;
import dev.diag.shell.render.JsonLines;
import dev.diag.shell.render.Table;
import dev.diag.shell.render.Units;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code diag nodes}: the nodes running on this host, from the local registry, and those injected
 * into containers here (ContainerNodes). Stale entries
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
        List<ContainerNodes.Node> contained = ContainerSessions.in(DiagHome.fromEnvironment()).live();
        if (names) {
            live.forEach(node -> System.out.println(node.name()));
            contained.forEach(node -> System.out.println(node.name()));
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
            for (ContainerNodes.Node node : contained) {
                System.out.println(JsonTree.text(JsonLines.line()
                        .put("node", node.name() + "@" + LocalHost.name())
                        .put("pid", node.pid())
                        .put("address", node.hostSocket().toString())
                        .put("jvm", node.jvm())
                        .put("containerPid", node.containerPid())));
            }
            return ExitCode.OK.code;
        }
        if (live.isEmpty() && contained.isEmpty() && !jvms) {
            System.out.println("no diag node runs on this host (start a JVM with -javaagent:diag-agent.jar=name=NAME, "
                    + "or inject one: diag nodes --jvms lists JVMs)");
            return ExitCode.OK.code;
        }
        if (jvms) {
            return listWithJvms(live, contained);
        }
        Table table = Table.of(List.of(Table.Align.LEFT, Table.Align.RIGHT, Table.Align.LEFT, Table.Align.LEFT,
                Table.Align.RIGHT), "NODE", "PID", "ADDRESS", "JVM", "UPTIME");
        for (NodeRecord node : live) {
            table.row(node.name() + "@" + LocalHost.name(), Long.toString(node.pid()), node.bind() + ":" + node.port()
                    + (node.speaksTls() ? " (TLS)" : ""), node.jvm(), Units.duration(now - node.startedAtMillis()));
        }
        for (ContainerNodes.Node node : contained) { // its address is its socket, as this host reaches it
            table.row(node.name() + "@" + LocalHost.name(), Long.toString(node.pid()), node.hostSocket().toString(),
                    node.jvm(), ProcessHandle.of(node.pid()).flatMap(p -> p.info().startInstant())
                            .map(start -> Units.duration(now - start.toEpochMilli())).orElse("?"));
        }
        table.render(TerminalWidth.ofStdout()).forEach(System.out::println);
        return ExitCode.OK.code;
    }

    /** Every JVM of this user the attach mechanism sees, with its node where it runs one. */
    private int listWithJvms(List<NodeRecord> live, List<ContainerNodes.Node> contained) {
        Table table = Table.of(List.of(Table.Align.RIGHT, Table.Align.LEFT, Table.Align.LEFT), "PID", "NODE", "MAIN");
        long self = ProcessHandle.current().pid();
        // The attach API lists the JVMs whose /tmp it finds, which may or may not include those in
        // containers (it depends on the JDK and on hsperfdata); /proc finds every one we may inspect.
        Map<Long, ContainerJvms.Jvm> inContainers = new LinkedHashMap<>();
        ContainerJvms.list().forEach(jvm -> inContainers.put(jvm.pid(), jvm));
        for (VirtualMachineDescriptor jvm : VirtualMachine.list()) {
            long pid = Long.parseLong(jvm.id());
            ContainerJvms.Jvm boxed = inContainers.remove(pid);
            if (pid != self && boxed == null) {
                table.row(jvm.id(), nodeOf(pid, live, contained), jvm.displayName().isBlank() ? "?" : jvm.displayName());
            } else if (boxed != null) {
                table.row(jvm.id(), nodeOf(pid, live, contained), boxed.describe());
            }
        }
        for (ContainerJvms.Jvm jvm : inContainers.values()) {
            table.row(Long.toString(jvm.pid()), nodeOf(jvm.pid(), live, contained), jvm.describe());
        }
        table.render(TerminalWidth.ofStdout()).forEach(System.out::println);
        return ExitCode.OK.code;
    }

    private static String nodeOf(long pid, List<NodeRecord> live, List<ContainerNodes.Node> contained) {
        return Stream.concat(live.stream().filter(r -> r.pid() == pid).map(NodeRecord::name),
                        contained.stream().filter(n -> n.pid() == pid).map(ContainerNodes.Node::name))
                .findFirst().map(name -> name + "@" + LocalHost.name()).orElse("- (diag inject " + pid + ")");
    }
}
