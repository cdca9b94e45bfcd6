package dev.diag.agent.tls;

import dev.diag.protocol.handshake.TlsBinding;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/**
 * The node's TLS server side: TLS 1.3 only, from the JDK's own provider, with the node's
 * {@link NodeIdentity}. No client certificates: the client proves itself with the cookie.
 * One engine per connection; the context is made once, at start. Which peers may skip TLS
 * is the {@link TlsOptions.Policy}'s to say.
 */
public final class ServerTls {
    static final String PROTOCOL = "TLSv1.3";
    private final SSLContext context;
    private final TlsBinding binding;
    private final TlsOptions.Policy policy;

    private ServerTls(SSLContext context, TlsBinding binding, TlsOptions.Policy policy) {
        this.context = context;
        this.binding = binding;
        this.policy = policy;
    }

    public static ServerTls of(NodeIdentity identity, TlsOptions.Policy policy, SecureRandom random)
            throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance(PROTOCOL);
        context.init(new NodeKeyManager[] {new NodeKeyManager(identity)}, null, random);
        return new ServerTls(context, identity.binding(), policy);
    }

    /** Whether a plaintext connection from {@code peer} is let through to the handshake. */
    public boolean acceptsPlainFrom(SocketAddress peer) {
        if (policy.plainFromAnywhere()) {
            return true;
        }
        return policy.plainFromLoopback() && peer instanceof InetSocketAddress address
                && address.getAddress() != null && address.getAddress().isLoopbackAddress();
    }

    /** A server engine for one connection. */
    public SSLEngine newEngine() {
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        engine.setEnabledProtocols(new String[] {PROTOCOL});
        engine.setNeedClientAuth(false);
        return engine;
    }

    /** This node's certificate, as its handshakes bind it. */
    public TlsBinding binding() {
        return binding;
    }
}
