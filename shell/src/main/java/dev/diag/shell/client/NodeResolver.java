package dev.diag.shell.client;

import dev.diag.protocol.cookie.UnsafePathException;
import dev.diag.protocol.node.AddressLiterals;
import dev.diag.protocol.node.BadNodeNameException;
import dev.diag.protocol.node.NodeEntry;
import dev.diag.protocol.node.NodeList;
import dev.diag.protocol.node.NodeName;
import dev.diag.protocol.node.NodeRecord;
import dev.diag.protocol.node.NodeRegistry;
import dev.diag.shell.cli.DiagException;
import dev.diag.shell.cli.ExitCode;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Turns what the user typed into an address: {@code name@host:port} directly; a local
 * {@code name} through the registry in {@code ~/.diag/nodes}; any other {@code name} or
 * {@code name@host} through the host's directory port (the nodes of a host share it and answer
 * {@code nodes()} to a holder of the cookie); no name at all means the only local node, if there
 * is exactly one.
 */
public final class NodeResolver {
    private final NodeRegistry registry;
    private final Directory directory;
    private final boolean tunnelled;

    /** A resolver that asks no directory: names are found in the local registry only. */
    public NodeResolver(NodeRegistry registry) {
        this(registry, null);
    }

    public NodeResolver(NodeRegistry registry, Directory directory) {
        this(registry, directory, false);
    }

    /**
     * {@code tunnelled}: names go through a {@code --via} command ({@code directory} asks through it
     * too), so the host's own directory answers, never this host's registry, and the node's port is
     * reached at the far end of the tunnel whatever address it is bound to there.
     */
    public NodeResolver(NodeRegistry registry, Directory directory, boolean tunnelled) {
        this.registry = registry;
        this.directory = directory;
        this.tunnelled = tunnelled;
    }

    /** A host's directory: the port its nodes share, and what they answer there. */
    public interface Directory {
        /** The directory port asked, for sentences; 0 when the directory is off. */
        int port() throws DiagException;

        /**
         * The nodes the directory on {@code host} lists; empty when nothing listens on the port
         * there. Any other failure (refused cookie, no answer, not diag) is its own sentence.
         */
        Optional<NodeList> ask(String host) throws DiagException;
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
        if (tunnelled && name.host() != null) {
            return throughTunnel(name);
        }
        if (name.port() != null) {
            return new Target(name.name(), name.toString(), new InetSocketAddress(name.connectHost(), name.port()));
        }
        checkRegistry();
        if (name.isLocal()) {
            Optional<NodeRecord> record = registry.lookup(name.name());
            if (record.isPresent()) {
                return target(record.get());
            }
        }
        return throughDirectory(name);
    }

    /**
     * Through {@code --via}: the port as typed, or the one the host's directory (asked through the
     * tunnel) lists; the address stays unresolved, as the far end of the tunnel resolves it.
     */
    private Target throughTunnel(NodeName name) throws DiagException {
        int port;
        if (name.port() != null) {
            port = name.port();
        } else {
            int directoryPort = directory == null ? 0 : directory.port();
            if (directoryPort == 0) {
                throw new DiagException(ExitCode.UNREACHABLE, "cannot find " + name + " without a port: the directory "
                        + "is off (DIAG_DIRECTORY_PORT=0); use " + name.name() + "@" + name.host() + ":PORT.");
            }
            Optional<NodeList> listed = directory.ask(name.connectHost());
            if (listed.isEmpty()) {
                throw new DiagException(ExitCode.UNREACHABLE, "cannot find " + name + ": nothing listens on the "
                        + "directory port " + directoryPort + " at the far end of the --via tunnel; is a node running on "
                        + name.host() + ", and does the command forward to its loopback (ssh -W 127.0.0.1:%p %h)?");
            }
            Optional<NodeEntry> entry = listed.get().find(name.name());
            if (entry.isEmpty()) {
                throw new DiagException(ExitCode.UNREACHABLE, "no node named " + name.name() + " runs on " + name.host()
                        + known(listed.get().names(), "its directory lists") + ".");
            }
            port = entry.get().port();
        }
        return new Target(name.name(), name.toString(), InetSocketAddress.createUnresolved(name.connectHost(), port));
    }

    /** Not in the local registry: the host's directory port says where the node listens. */
    private Target throughDirectory(NodeName name) throws DiagException {
        int port = directory == null ? 0 : directory.port();
        if (port == 0) {
            if (name.isLocal()) {
                throw new DiagException(ExitCode.UNREACHABLE, "no node named " + name.name() + " runs on this host"
                        + known(registry.live()) + ".");
            }
            throw new DiagException(ExitCode.UNREACHABLE, "cannot find " + name + " without a port: the directory "
                    + "is off (DIAG_DIRECTORY_PORT=0); use " + name.name() + "@" + name.host()
                    + ":PORT (the port is in the node's start-up line).");
        }
        Optional<NodeList> listed = name.isLocal() ? askLocal(name, port) : directory.ask(name.connectHost());
        if (listed.isEmpty()) {
            if (name.isLocal()) {
                throw new DiagException(ExitCode.UNREACHABLE, "no node named " + name.name() + " runs on this host"
                        + known(registry.live()) + ".");
            }
            throw new DiagException(ExitCode.UNREACHABLE, "cannot find " + name + ": no diag node on " + name.host()
                    + " serves the directory port " + port + " (connection refused); give the node's port, "
                    + name.name() + "@" + name.host() + ":PORT, or the host's directory port in DIAG_DIRECTORY_PORT.");
        }
        Optional<NodeEntry> entry = listed.get().find(name.name());
        if (entry.isEmpty()) {
            if (name.isLocal()) {
                TreeSet<String> names = new TreeSet<>(listed.get().names());
                registry.live().forEach(record -> names.add(record.name()));
                throw new DiagException(ExitCode.UNREACHABLE, "no node named " + name.name() + " runs on this host"
                        + known(List.copyOf(names), "running here") + ".");
            }
            throw new DiagException(ExitCode.UNREACHABLE, "no node named " + name.name() + " runs on " + name.host()
                    + known(listed.get().names(), "its directory lists") + ".");
        }
        return directoryTarget(name, entry.get());
    }

    /**
     * This host's directory, over loopback, whatever this host's name resolves to. When only nodes
     * of another cookie answer there, none of ours runs outside our registry: the name is simply
     * not one of ours, which is all a holder of our cookie may learn.
     */
    private Optional<NodeList> askLocal(NodeName name, int port) throws DiagException {
        try {
            return directory.ask("127.0.0.1");
        } catch (DiagException e) {
            if (e.exit() != ExitCode.AUTH_REFUSED) {
                throw e;
            }
            throw new DiagException(ExitCode.UNREACHABLE, "no node named " + name.name() + " runs on this host"
                    + known(registry.live()) + "; the directory port " + port + " here answers only to another cookie.");
        }
    }

    private static Target directoryTarget(NodeName name, NodeEntry entry) throws DiagException {
        if (name.isLocal()) {
            return target(entry.name(), entry.bind(), entry.port(), entry.speaksTls());
        }
        boolean typedLoopback = isLoopback(name.connectHost()); // 127.0.0.2: another address, still this host
        if (isLoopback(entry.bind()) && !typedLoopback) {
            throw new DiagException(ExitCode.UNREACHABLE, name + " listens on " + entry.bind() + " only (its bind= "
                    + "option), so it cannot be reached from another host: run diag on " + name.host()
                    + ", or tunnel its port " + entry.port() + " over SSH (docs/security.md).");
        }
        // Bound to every interface: the host as typed reached the directory, so it reaches the node too.
        String host = isWildcard(entry.bind()) ? name.connectHost() : entry.bind();
        return new Target(entry.name(), name.toString(), new InetSocketAddress(host, entry.port()), entry.speaksTls());
    }

    /** StrictModes: records in a registry another user can write could send us anywhere. */
    private void checkRegistry() throws DiagException {
        try {
            registry.checkModes();
        } catch (UnsafePathException e) {
            throw new DiagException(ExitCode.AUTH_REFUSED, e.getMessage() + ".");
        }
    }

    private Target onlyLocalNode() throws DiagException {
        checkRegistry();
        List<NodeRecord> live = registry.live();
        if (live.size() == 1) {
            return target(live.get(0));
        }
        if (live.isEmpty()) {
            throw new DiagException(ExitCode.UNREACHABLE, "no diag node runs on this host: start your JVM with "
                    + "-javaagent:diag-agent.jar=name=NAME, or try diag demo.");
        }
        throw new DiagException(ExitCode.USAGE, "several nodes run on this host; choose one with --node"
                + known(live) + ".");
    }

    private static Target target(NodeRecord record) {
        return target(record.name(), record.bind(), record.port(), record.speaksTls());
    }

    private static Target target(String nodeName, String bind, int port, boolean tls) {
        NodeName name = new NodeName(nodeName, null, null);
        // A node bound to every interface is still reached over loopback from here.
        String host = isWildcard(bind) ? "127.0.0.1" : bind;
        return new Target(nodeName, name.toString(), new InetSocketAddress(host, port), tls);
    }

    /** 0.0.0.0, ::, 0:0:0:0:0:0:0:0 and the like; only literals, so no resolver is asked. */
    static boolean isWildcard(String address) {
        java.net.InetAddress literal = literal(address);
        return literal != null && literal.isAnyLocalAddress();
    }

    /** 127.0.0.1, ::1 and the rest of 127/8; only literals. */
    static boolean isLoopback(String address) {
        java.net.InetAddress literal = literal(address);
        return literal != null && literal.isLoopbackAddress();
    }

    /**
     * The address {@code address} spells, or null. Dotted digits, or anything with a colon (only
     * IPv6 literals have one): never a host name, so getByName parses and asks no resolver.
     */
    private static java.net.InetAddress literal(String address) {
        if (address == null || !(AddressLiterals.isDottedDigits(address) || AddressLiterals.isColonLiteral(address))) {
            return null;
        }
        try {
            return java.net.InetAddress.getByName(address);
        } catch (java.net.UnknownHostException e) {
            return null;
        }
    }

    private static String known(List<NodeRecord> live) {
        return known(live.stream().map(NodeRecord::name).toList(), "running here");
    }

    private static String known(List<String> names, String label) {
        if (names.isEmpty()) {
            return "";
        }
        return " (" + label + ": " + String.join(", ", names) + ")";
    }

    /**
     * A node to connect to: the name it must prove, the name to show, where it listens, and
     * whether its record or directory entry says it speaks TLS.
     */
    public record Target(String name, String display, InetSocketAddress address, boolean tls) {
        /** A node typed with its port: no record says how it speaks, so the address decides (see {@link #needsTls}). */
        public Target(String name, String display, InetSocketAddress address) {
            this(name, display, address, false);
        }

        /**
         * Whether to speak TLS to it: when its record says so, when asked (--tls), and always to an
         * address off this host's loopback, where plaintext would cross a network.
         */
        public boolean needsTls(boolean asked) {
            return tls || asked || DiagClient.crossesANetwork(address);
        }
    }
}
