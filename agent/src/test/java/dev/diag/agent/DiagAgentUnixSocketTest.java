package dev.diag.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.protocol.cookie.Cookie;
import dev.diag.protocol.cookie.CookieFile;
import dev.diag.protocol.frame.FrameIO;
import dev.diag.protocol.frame.FrameLimits;
import dev.diag.protocol.handshake.ClientHandshake;
import dev.diag.protocol.handshake.HandshakeException;
import dev.diag.protocol.handshake.Nonces;
import dev.diag.protocol.handshake.SessionKeys;
import dev.diag.protocol.message.Message;
import dev.diag.protocol.message.MessageCodec;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** socket= and cookie-drop=: the transport and the cookie path diag inject uses for a node in a container. */
class DiagAgentUnixSocketTest {
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path tmp;

    @Test
    void answersTheHandshakeAndCallsOnItsSocketOfMode600AndRemovesItWhenStopped() throws Exception {
        Path socket = privateDir("box").resolve("node.sock");
        try (RunningAgent agent = DiagAgent.start(AgentOptions.parse("name=alpha,home=" + tmp.resolve("home")
                + ",directory-port=0,socket=" + socket))) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));
            Message.Reply reply = callOverSocket(socket, CookieFile.load(tmp.resolve("home/cookie")), "nodes");

            assertTrue(reply.ok(), reply.toString());
        }
        assertFalse(Files.exists(socket), "the socket file outlived the node");
        assertTrue(Files.isDirectory(socket.getParent()), "a directory the node was not told is its own was removed");
    }

    @Test
    void aNodeThatSpeaksTlsSpeaksPlainOnItsSocketWhichNeverLeavesTheHost() throws Exception {
        Path socket = privateDir("box").resolve("node.sock");
        try (RunningAgent agent = DiagAgent.start(AgentOptions.parse("name=alpha,home=" + tmp.resolve("home")
                + ",directory-port=0,tls=true,socket=" + socket))) {
            assertTrue(callOverSocket(socket, CookieFile.load(tmp.resolve("home/cookie")), "nodes").ok());
        }
    }

    @Test
    void takesTheDroppedCookieDeletesItAndCreatesNoneOfItsOwn() throws Exception {
        Path box = privateDir("box");
        Path drop = dropCookie(box, "rw-------");
        Path socket = box.resolve("node.sock");
        try (RunningAgent agent = DiagAgent.start(AgentOptions.parse("name=alpha,home=" + tmp.resolve("home")
                + ",directory-port=0,socket=" + socket + ",cookie-drop=" + drop))) {
            assertFalse(Files.exists(drop), "the dropped cookie is still on disk");
            assertFalse(Files.exists(tmp.resolve("home/cookie")), "the node made a cookie of its own");

            assertTrue(callOverSocket(socket, new Cookie(SECRET), "nodes").ok());
            assertThrows(HandshakeException.class, () -> callOverSocket(socket,
                    new Cookie("another cookie, another secret".getBytes(StandardCharsets.US_ASCII)), "nodes"));
        }
        assertFalse(Files.exists(box), "the directory made for the node outlived it");
    }

    @Test
    void theDirectoryMadeForTheNodeGoesWithTheAgentJarDiagInjectCopiedIntoIt() throws Exception {
        Path box = privateDir("box");
        Path drop = dropCookie(box, "rw-------");
        Path jar = Files.write(box.resolve("diag-agent.jar"), new byte[] {'P', 'K'});
        try (RunningAgent agent = DiagAgent.start(AgentOptions.parse("name=alpha,home=" + tmp.resolve("home")
                + ",directory-port=0,socket=" + box.resolve("node.sock") + ",cookie-drop=" + drop))) {
            assertTrue(Files.exists(jar), "the jar went while the agent runs");
        }
        assertFalse(Files.exists(box), "the directory made for the node, or the jar in it, outlived it");
    }

    @Test
    void aJarBesideASocketInADirectoryNotMadeForTheNodeStays() throws Exception {
        Path dir = privateDir("ops");
        Path jar = Files.write(dir.resolve("diag-agent.jar"), new byte[] {'P', 'K'});
        try (RunningAgent agent = DiagAgent.start(AgentOptions.parse("name=alpha,home=" + tmp.resolve("home")
                + ",directory-port=0,socket=" + dir.resolve("node.sock")))) {
            assertTrue(Files.exists(dir.resolve("node.sock")));
        }
        assertTrue(Files.exists(jar), "a -javaagent node removed a jar it was not given");
    }

    @Test
    void connectionsOnTheSocketPassTheNodesConnectionGate() throws Exception {
        Path socket = privateDir("box").resolve("node.sock");
        try (RunningAgent agent = DiagAgent.start(AgentOptions.parse("name=alpha,home=" + tmp.resolve("home")
                + ",directory-port=0,max-connections=10,max-startups=1,socket=" + socket))) {
            try (SocketChannel idle = SocketChannel.open(UnixDomainSocketAddress.of(socket));
                    SocketChannel second = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
                // a refused connection is closed at once; the handshake deadline (5 s) closes any other later
                assertTrue(closedWithin(second, 1_500), "a second unauthenticated connection was let in past max-startups=1");
                assertFalse(closedWithin(idle, 500), "the first connection was refused");
            }
            Cookie cookie = CookieFile.load(tmp.resolve("home/cookie"));
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (true) { // the freed place goes to a real client once the I/O thread has seen the close
                try {
                    assertTrue(callOverSocket(socket, cookie, "nodes").ok());
                    break;
                } catch (IOException e) {
                    if (System.nanoTime() > deadline) {
                        throw e;
                    }
                    Thread.sleep(50);
                }
            }
        }
    }

    @Test
    void refusesADroppedCookieOthersCouldReadAndDeletesItAnyway() throws Exception {
        Path drop = dropCookie(privateDir("box"), "rw-r--r--");

        AgentStartException e = assertThrows(AgentStartException.class, () -> DiagAgent.start(AgentOptions.parse(
                "name=alpha,home=" + tmp.resolve("home") + ",directory-port=0,cookie-drop=" + drop)));

        assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());
        assertFalse(Files.exists(drop));
    }

    @Test
    void refusesASocketInADirectoryOthersCanWrite() throws Exception {
        Path shared = tmp.resolve("shared");
        Files.createDirectory(shared);
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));

        AgentStartException e = assertThrows(AgentStartException.class, () -> DiagAgent.start(AgentOptions.parse(
                "name=alpha,home=" + tmp.resolve("home") + ",directory-port=0,socket=" + shared.resolve("node.sock"))));

        assertTrue(e.getMessage().startsWith("cannot listen on the socket " + shared.resolve("node.sock")), e.getMessage());
        assertTrue(e.getMessage().contains("chmod 700"), e.getMessage());
    }

    private Path privateDir(String name) throws IOException {
        return Files.createDirectory(tmp.resolve(name),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }

    private static Path dropCookie(Path box, String mode) throws IOException {
        Path drop = Files.write(box.resolve("cookie"), SECRET);
        Files.setPosixFilePermissions(drop, PosixFilePermissions.fromString(mode));
        return drop;
    }

    /** True when the node closes {@code channel} (end of stream) within {@code millis}; it sends nothing first. */
    private static boolean closedWithin(SocketChannel channel, long millis) throws IOException, InterruptedException {
        channel.configureBlocking(false);
        long deadline = System.nanoTime() + millis * 1_000_000;
        java.nio.ByteBuffer one = java.nio.ByteBuffer.allocate(1);
        while (System.nanoTime() < deadline) {
            try {
                if (channel.read(one) < 0) {
                    return true;
                }
            } catch (IOException e) {
                return true; // reset
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** The handshake and one call over the Unix-domain socket, as the shell makes them over TCP. */
    private static Message.Reply callOverSocket(Path socket, Cookie cookie, String fn) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            DataInputStream in = new DataInputStream(Channels.newInputStream(channel));
            OutputStream out = Channels.newOutputStream(channel);
            ClientHandshake handshake = new ClientHandshake(cookie, "unix socket test", Nonces.source());
            FrameIO.write(out, handshake.hello());
            FrameIO.write(out, handshake.prove(FrameIO.read(in, FrameLimits.PRE_AUTH_MAX)));
            SessionKeys keys = handshake.finish(FrameIO.read(in, FrameLimits.PRE_AUTH_MAX));
            assertEquals("alpha", handshake.agentName());
            FrameIO.write(out, keys.clientSealer().seal(MessageCodec.encode(new Message.Request(1, fn, List.of()))));
            return (Message.Reply) MessageCodec.decode(keys.clientOpener().open(FrameIO.read(in, FrameLimits.DEFAULT_MAX)));
        }
    }
}
