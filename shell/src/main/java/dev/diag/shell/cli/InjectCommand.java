package dev.diag.shell.cli;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import dev.diag.protocol.cookie.DiagHome;
import dev.diag.protocol.node.BadNodeNameException;
import dev.diag.protocol.node.NodeName;
import dev.diag.protocol.node.NodeRecord;
import dev.diag.protocol.node.NodeRegistry;
import java.io.IOException;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code diag inject PID}: loads the agent into a running JVM through the JDK's attach mechanism,
 * for the sick JVM that was not started with {@code -javaagent}. The agent reports back through
 * the target's system properties (see AgentMain), so every outcome is one sentence here, not a
 * line on the target's stderr that nobody sees.
 */
@Command(name = "inject", mixinStandardHelpOptions = true, versionProvider = DiagVersion.class, description = "Load the agent into a running JVM (JDK 17+) and print its node name.")
public final class InjectCommand implements Callable<Integer> {
    static final String NODE = "dev.diag.agent.node";
    static final String STATUS = "dev.diag.agent.status";

    @Parameters(index = "0", paramLabel = "PID", description = "process id of the JVM")
    long pid;

    @Option(names = "--name", paramLabel = "NAME", description = "node name (default: jvm<pid>)")
    String name;

    @Option(names = "--port", paramLabel = "PORT", description = "TCP port (default: any free one)")
    Integer port;

    @Option(names = ConnectionOptions.COOKIE_FILE, paramLabel = "PATH",
            description = "cookie the agent is to use (default: the shell's: $DIAG_COOKIE_FILE, then ~/.diag/cookie)")
    String cookieFile;

    @Override
    public Integer call() throws DiagException {
        String nodeName = name == null ? "jvm" + pid : name;
        if (!NodeName.isBareName(nodeName)) {
            throw new DiagException(ExitCode.USAGE, "--name " + nodeName + " is not a node name: 1 to 64 letters, "
                    + "digits, '_', '.' or '-', starting with a letter or digit.");
        }
        if (ProcessHandle.of(pid).isEmpty()) {
            throw new DiagException(ExitCode.UNREACHABLE, "no process has pid " + pid + "; diag nodes --jvms lists JVMs.");
        }
        DiagHome home = DiagHome.fromEnvironment();
        Optional<Container> container = Container.of(pid);
        if (container.isPresent()) { // its own /tmp, home and loopback: ContainerInjection reaches it through /proc
            return new ContainerInjection(container.get(), nodeName, port, this::load).run(home, cookieFile);
        }
        Optional<NodeRecord> known = new NodeRegistry(home.nodes()).live().stream().filter(r -> r.pid() == pid).findFirst();
        if (known.isPresent()) {
            System.out.println("pid " + pid + " already runs diag as node " + known.get().name() + "; use: diag attach "
                    + known.get().name());
            return ExitCode.OK.code;
        }
        String directoryPort = System.getenv("DIAG_DIRECTORY_PORT"); // the shell's, as its home is passed
        Properties after = load("name=" + nodeName + (port == null ? "" : ",port=" + port) + ",home=" + home.dir()
                + (cookieFile == null ? "" : ",cookie-file=" + cookieFile)
                + (directoryPort == null || directoryPort.isBlank() ? "" : ",directory-port=" + directoryPort.strip()));
        String status = after.getProperty(STATUS, "no answer from the agent");
        if (!status.startsWith("running") && !status.startsWith("already running")) {
            throw new DiagException(ExitCode.CALL_FAILED, "the agent was loaded into pid " + pid + " but " + status + ".");
        }
        String node = after.getProperty(NODE);
        System.out.println("pid " + pid + ": " + status + "; use: diag attach " + bareName(node, nodeName));
        noteDynamicAgentWarning(after);
        return ExitCode.OK.code;
    }

    /** JDK 21+ warns on its stderr about a dynamically loaded agent: say how to allow it quietly. */
    static void noteDynamicAgentWarning(Properties after) {
        int feature = featureVersion(after);
        if (feature >= 21) {
            System.out.println("note: this JDK " + feature + " target printed a warning about a dynamically loaded agent "
                    + "on its stderr; start it with -XX:+EnableDynamicAgentLoading to allow diag without the warning.");
        }
    }

    /** Loads the agent with {@code options} and returns the target's system properties after. */
    private Properties load(String options) throws DiagException {
        return load(Installation.locate().agentJar().toString(), options);
    }

    /** Loads the agent jar at {@code jar} (a path as the target sees it) with {@code options}. */
    private Properties load(String jar, String options) throws DiagException {
        VirtualMachine vm;
        try {
            vm = VirtualMachine.attach(Long.toString(pid));
        } catch (AttachNotSupportedException e) {
            throw new DiagException(ExitCode.UNREACHABLE, "cannot attach to pid " + pid + ": it is not a JVM that "
                    + "accepts attach (not Java, started with -XX:+DisableAttachMechanism, or run by another user).");
        } catch (IOException e) {
            throw new DiagException(ExitCode.UNREACHABLE, "cannot attach to pid " + pid + ": " + e.getMessage()
                    + " (a JVM of another user cannot be attached to; run diag as that user).");
        }
        try {
            vm.loadAgent(jar, options);
            return vm.getSystemProperties();
        } catch (AgentLoadException | AgentInitializationException e) {
            throw new DiagException(ExitCode.UNREACHABLE, "pid " + pid + " refused the agent: " + plain(e.getMessage())
                    + "; a JDK 21+ JVM started with -XX:-EnableDynamicAgentLoading refuses every dynamic agent: restart "
                    + "it with -javaagent or -XX:+EnableDynamicAgentLoading.");
        } catch (IOException e) {
            throw new DiagException(ExitCode.UNREACHABLE, "lost the attach connection to pid " + pid + ": "
                    + plain(e.getMessage()) + ".");
        } finally {
            try {
                vm.detach();
            } catch (IOException ignored) {
                // the agent stays; only our attach connection closes
            }
        }
    }

    static String bareName(String node, String fallback) {
        if (node == null) {
            return fallback;
        }
        try {
            return NodeName.parse(node).name();
        } catch (BadNodeNameException e) {
            return fallback;
        }
    }

    private static int featureVersion(Properties properties) {
        try {
            return Integer.parseInt(properties.getProperty("java.specification.version", "17"));
        } catch (NumberFormatException e) {
            return 17;
        }
    }

    private static String plain(String message) {
        String text = message == null ? "no reason given" : message.strip().replaceAll("\\s+", " ");
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }
}
