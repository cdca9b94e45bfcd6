package dev.diag.shell.client;

import dev.diag.protocol.node.BadNodeNameException;
import dev.diag.protocol.node.NodeName;
import dev.diag.protocol.node.NodeRecord;
import dev.diag.protocol.node.NodeRegistry;
import dev.diag.shell.cli.DiagException;
import dev.diag.shell.cli.ExitCode;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/**
 * Turns what the user typed into an address: {@code name@host:port} directly; a local
 * {@code name} through the registry in {@code ~/.diag/nodes}; no name at all means the only
 * local node, if there is exactly one.
 */
public final class NodeResolver {
    private final NodeRegistry registry;

    public NodeResolver(NodeRegistry registry) {
        this.registry = registry;
    }

    public Target resolve(String typed) throws DiagException {
        if (typed == null || typed.isBlank()) {
            return onlyLocalNode();
        }
        NodeName name;
        try {
            name = NodeName.parse(typed);
        } catch (BadNodeNameException e) {
            throw new DiagException(ExitCode.USAGE, e.getMessage() + ".");
        }
        if (name.port() != null) {
            return new Target(name.name(), name.toString(), new InetSocketAddress(name.connectHost(), name.port()));
        }
        if (!name.isLocal()) {
            throw new DiagException(ExitCode.UNREACHABLE, "cannot find " + typed + " without a port yet: use "
                    + name.name() + "@" + name.host() + ":PORT (the port is in the node's start-up line).");
        }
        Optional<NodeRecord> record = registry.lookup(name.name());
        if (record.isEmpty()) {
            throw new DiagException(ExitCode.UNREACHABLE, "no node named " + name.name() + " runs on this host"
                    + known(registry.live()) + ".");
        }
        return target(record.get());
    }

    private Target onlyLocalNode() throws DiagException {
        List<NodeRecord> live = registry.live();
        if (live.size() == 1) {
            return target(live.get(0));
        }
        if (live.isEmpty()) {
            throw new DiagException(ExitCode.UNREACHABLE, "no diag node runs on this host: start your JVM with "
                    + "-javaagent:diag-agent.jar=name=NAME, or try bin/diag demo.");
        }
        throw new DiagException(ExitCode.USAGE, "several nodes run on this host; choose one with --node"
                + known(live) + ".");
    }

    private static Target target(NodeRecord record) {
        NodeName name = new NodeName(record.name(), null, null);
        // A node bound to every interface is still reached over loopback from here.
        String host = isWildcard(record.bind()) ? "127.0.0.1" : record.bind();
        return new Target(record.name(), name.toString(), new InetSocketAddress(host, record.port()));
    }

    /** 0.0.0.0, ::, 0:0:0:0:0:0:0:0 and the like; only literals, so no resolver is asked. */
    static boolean isWildcard(String address) {
        if (!address.matches("[0-9.:]+")) {
            return false;
        }
        try {
            return java.net.InetAddress.getByName(address).isAnyLocalAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static String known(List<NodeRecord> live) {
        if (live.isEmpty()) {
            return "";
        }
        return " (running here: " + String.join(", ", live.stream().map(NodeRecord::name).toList()) + ")";
    }

    /** A node to connect to: the name it must prove, the name to show, and where it listens. */
    public record Target(String name, String display, InetSocketAddress address) {
    }
}
