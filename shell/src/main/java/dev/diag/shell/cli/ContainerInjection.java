package dev.diag.shell.cli;

import dev.diag.protocol.cookie.CookieException;
import dev.diag.protocol.cookie.CookieFile;
import dev.diag.protocol.cookie.DiagHome;
import dev.diag.protocol.node.NodeRecord;
import dev.diag.protocol.node.NodeRegistry;
import dev.diag.protocol.node.ProcessStart;
import dev.diag.shell.client.ContainerNodes;
import dev.diag.shell.client.ContainerSessions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;

/**
 * {@code diag inject PID} for a JVM in a container (its own mount, network or pid namespace):
 * the shell's cookie goes into a {@link CookieDropbox} in the container's /tmp, the agent is
 * loaded through the JDK's attach mechanism (which finds the container's /tmp and pid itself)
 * with {@code socket=} and {@code cookie-drop=} pointing there, and the host records the node in
 * {@link ContainerNodes}, so {@code --node NAME} and {@code attach NAME} reach it over that
 * socket through {@code /proc/PID/root}. The agent keeps its own home (the container's
 * $DIAG_HOME or ~/.diag) for its registry record, where a shell inside the container finds it.
 */
final class ContainerInjection {
    /** Loads the agent with the given options and returns the target's system properties after. */
    interface Loader {
        /** {@code jar}: the agent jar's path as the target sees it. */
        Properties load(String jar, String options) throws DiagException;
    }

    private final Container container;
    private final String nodeName;
    private final Integer port;
    private final Loader loader;

    ContainerInjection(Container container, String nodeName, Integer port, Loader loader) {
        this.container = container;
        this.nodeName = nodeName;
        this.port = port;
        this.loader = loader;
    }

    int run(DiagHome home, String cookieFile) throws DiagException {
        ContainerNodes nodes = ContainerSessions.in(home);
        long pid = container.pid();
        Optional<ContainerNodes.Node> known = nodes.live().stream().filter(n -> n.pid() == pid).findFirst();
        if (known.isPresent()) {
            System.out.println("pid " + pid + " already runs diag as node " + known.get().name() + "; use: diag attach "
                    + known.get().name());
            return ExitCode.OK.code;
        }
        Optional<NodeRecord> onHost = new NodeRegistry(home.nodes()).lookup(nodeName);
        Optional<ContainerNodes.Node> contained = nodes.lookup(nodeName);
        if (onHost.isPresent() || contained.isPresent()) {
            throw new DiagException(ExitCode.USAGE, "a node named " + nodeName + " already runs as pid "
                    + onHost.map(NodeRecord::pid).orElseGet(() -> contained.get().pid()) + "; choose another with --name.");
        }
        OptionalLong ticks = ProcessStart.ticks(pid);
        if (ticks.isEmpty()) {
            throw new DiagException(ExitCode.UNREACHABLE, "no process has pid " + pid + "; diag nodes --jvms lists JVMs.");
        }
        try (CookieDropbox box = CookieDropbox.create(container, cookieBytes(home, cookieFile))) {
            // a container has its own root: the host's path to the agent jar means nothing there
            String jar = box.copyAgentJar(Installation.locate().agentJar());
            Properties after = load(jar, "name=" + nodeName + (port == null ? "" : ",port=" + port)
                    + ",socket=" + box.socketInside() + ",cookie-drop=" + box.cookieInside());
            String status = after.getProperty(InjectCommand.STATUS, "no answer from the agent");
            if (status.startsWith("already running")) {
                throw new DiagException(ExitCode.UNREACHABLE, "pid " + pid + " already runs a diag agent started "
                        + "inside its container (" + status + "), which has no socket this host can reach; use diag from "
                        + "inside the container (docs/kubernetes.md).");
            }
            if (!status.startsWith("running")) {
                throw new DiagException(ExitCode.CALL_FAILED, "the agent was loaded into pid " + pid + " but " + status
                        + ".");
            }
            try {
                nodes.register(new ContainerNodes.Node(nodeName, pid, ticks.getAsLong(), box.socketInside(),
                        container.innerPid(), after.getProperty("java.runtime.version", "?")));
            } catch (IOException e) {
                throw new DiagException(ExitCode.CALL_FAILED, "node " + nodeName + " runs in pid " + pid
                        + " but cannot be recorded in " + home.dir().resolve("containers") + ": " + e.getMessage() + ".");
            }
            System.out.println("pid " + pid + " (pid " + container.innerPid() + " in its container): " + status
                    + ", and on " + box.socketInside() + " in the container; use: diag attach "
                    + InjectCommand.bareName(after.getProperty(InjectCommand.NODE), nodeName));
            InjectCommand.noteDynamicAgentWarning(after);
            return ExitCode.OK.code;
        }
    }

    /**
     * A JDK 17 shell in the JVM's own pid namespace but another mount namespace (a debug container
     * of {@code kubectl debug --target}) looks for the JVM's attach socket in its own /tmp and
     * finds none; JDK 25 looks through /proc/PID/root (tried here: 17 fails, 25 works).
     */
    private Properties load(String jar, String options) throws DiagException {
        try {
            return loader.load(jar, options);
        } catch (DiagException e) {
            int feature = Runtime.version().feature();
            if (container.namespaces().contains("pid") || feature >= 25 || !e.getMessage().startsWith("cannot attach")) {
                throw e;
            }
            throw new DiagException(e.exit(), e.getMessage().substring(0, e.getMessage().length() - 1) + "; or, since "
                    + "it shares this shell's pid namespace but not its /tmp, this JDK " + feature + " shell cannot find "
                    + "its attach socket: run diag on JDK 25 (JAVA_HOME), which looks through /proc/PID/root.");
        }
    }

    /** The shell's own cookie (made if this host has none yet): the one it will prove to the node. */
    private static byte[] cookieBytes(DiagHome home, String cookieFile) throws DiagException {
        Path path = home.cookieFile(cookieFile);
        try {
            CookieFile.loadOrCreate(path); // strict modes, as for any use of it
            return Files.readAllBytes(path);
        } catch (CookieException e) {
            throw new DiagException(ExitCode.AUTH_REFUSED, e.getMessage() + ".");
        } catch (IOException e) {
            throw new DiagException(ExitCode.AUTH_REFUSED, "cannot read the cookie " + path + ": " + e.getMessage() + ".");
        }
    }
}
