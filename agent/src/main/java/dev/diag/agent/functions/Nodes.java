package dev.diag.agent.functions;

import dev.diag.protocol.function.Declaration;
import dev.diag.protocol.node.LocalHost;
import dev.diag.protocol.node.NodeList;
import dev.diag.protocol.node.NodeRegistry;

/**
 * {@code nodes()}: the diag nodes running on this node's host, from the registry this node
 * registered in ({@code $DIAG_HOME/nodes}, or its {@code home=}): name, pid, address, JVM and
 * uptime. It is what a shell asks on the host's directory port to find {@code name@host} without
 * a port; the caller has proved the cookie first, like every caller, and hears only of the nodes of
 * that cookie (one home may hold nodes of several, {@code cookie-file=}). Erlang's {@code nodes()}
 * lists connected nodes; here, the node's neighbours.
 *
 * Low impact: one directory listing, one small file and one /proc read per node; stale records
 * (their JVM died) are removed on the way, as {@code diag nodes} does. At most
 * {@value NodeList#MAX_NODES} nodes are sent.
 */
final class Nodes extends FunctionBase {
    private final NodeRegistry registry;

    Nodes(NodeRegistry registry) {
        super(Declaration.NODES);
        this.registry = registry;
    }

    @Override
    public Object call(Args args, CallContext context) {
        return NodeList.of(LocalHost.name(), registry.sameCookie(), System.currentTimeMillis());
    }
}
