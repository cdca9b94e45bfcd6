package dev.diag.agent.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.diag.agent.AgentOptions;
import dev.diag.agent.functions.Functions;
import dev.diag.agent.probe.JdkInternals;
import dev.diag.agent.tls.NodeIdentity;
import dev.diag.agent.tls.ServerTls;
import dev.diag.agent.tls.TlsOptions;
import dev.diag.protocol.cookie.Cookie;
import dev.diag.protocol.frame.FrameIO;
import dev.diag.protocol.frame.FrameLimits;
import dev.diag.protocol.handshake.ClientHandshake;
import dev.diag.protocol.handshake.HandshakeException;
import dev.diag.protocol.handshake.Nonces;
import dev.diag.protocol.handshake.TlsClient;
import dev.diag.protocol.handshake.TlsBinding;
import dev.diag.protocol.node.NodeRegistry;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.security.SecureRandom;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node that speaks TLS, over real loopback sockets: TLS 1.3, the certificate bound into the handshake. */
class DiagServerTlsTest {
    private static final Cookie COOKIE = EmbeddedAgent.cookie("tls test cookie");

    @TempDir
    Path tmp;

    private DiagServer server;
    private NodeIdentity identity;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aClientThatBindsTheCertificateItSawIsWelcomedOverTls13() throws Exception {
        InetSocketAddress address = start("tls=true");
        try (SSLSocket socket = tls(address)) {
            assertEquals("TLSv1.3", socket.getSession().getProtocol());
            TlsBinding seen = TlsClient.binding(socket);
            assertEquals(identity.binding().toString(), seen.toString());

            assertEquals("orders", handshake(socket, seen));
        }
    }

    /** What a man in the middle makes the client see: another certificate. The node refuses the proof. */
    @Test
    void aClientThatSawAnotherCertificateIsRefused() throws Exception {
        InetSocketAddress address = start("tls=true");
        try (SSLSocket socket = tls(address)) {
            HandshakeException e = assertThrows(HandshakeException.class,
                    () -> handshake(socket, TlsBinding.ofCertificate(new byte[] {1, 2, 3})));
            assertEquals(HandshakeException.Failure.WRONG_COOKIE, e.failure());
        }
    }

    @Test
    void aPlainClientIsToldTheNodeAcceptsOnlyTls() throws Exception {
        InetSocketAddress address = start("tls=true");
        try (Socket socket = new Socket(address.getAddress(), address.getPort())) {
            socket.setSoTimeout(5_000);
            HandshakeException e = assertThrows(HandshakeException.class, () -> handshake(socket, TlsBinding.NONE));
            assertEquals(HandshakeException.Failure.TLS_REQUIRED, e.failure());
            assertEquals(-1, socket.getInputStream().read(), "then the node hangs up");
        }
    }

    /** A node bound off loopback by default: this host's own loopback may still speak plain (older shells). */
    @Test
    void aPlainClientOnLoopbackIsLetThroughWhereThePolicySaysSo() throws Exception {
        InetSocketAddress address = start(new TlsOptions.Policy(true, true, false, false));
        try (Socket socket = new Socket(address.getAddress(), address.getPort())) {
            socket.setSoTimeout(5_000);
            assertEquals("orders", handshake(socket, TlsBinding.NONE));
        }
    }

    private InetSocketAddress start(String options) throws Exception {
        return start(AgentOptions.parse(options).tls().policy("127.0.0.1"));
    }

    private InetSocketAddress start(TlsOptions.Policy policy) throws Exception {
        SecureRandom random = new SecureRandom();
        identity = NodeIdentity.loadOrCreate(tmp.resolve("tls/orders.pem"), random);
        server = DiagServer.start(AgentOptions.parse("name=orders"), 0, COOKIE,
                Functions.all(JdkInternals.withoutInstrumentation(), new NodeRegistry(tmp.resolve("nodes"))),
                tmp.resolve("audit.log"), ServerTls.of(identity, policy, random));
        return server.address();
    }

    private static String handshake(Socket socket, TlsBinding binding) throws IOException {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        ClientHandshake handshake = new ClientHandshake(COOKIE, "tls test", Nonces.source(), binding);
        FrameIO.write(socket.getOutputStream(), handshake.hello());
        FrameIO.write(socket.getOutputStream(), handshake.prove(FrameIO.read(in, FrameLimits.PRE_AUTH_MAX)));
        handshake.finish(FrameIO.read(in, FrameLimits.PRE_AUTH_MAX));
        return handshake.agentName();
    }

    private static SSLSocket tls(InetSocketAddress address) throws Exception {
        Socket plain = new Socket(address.getAddress(), address.getPort());
        plain.setSoTimeout(5_000);
        return TlsClient.over(plain);
    }
}
