package dev.diag.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.protocol.cookie.CookieFile;
import dev.diag.protocol.frame.FrameIO;
import dev.diag.protocol.frame.FrameLimits;
import dev.diag.protocol.handshake.AgentHandshake;
import dev.diag.protocol.handshake.HandshakeMessage;
import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Cookies across real processes: refused on both sides, told apart from an unreachable node. */
class AuthenticationIT {

    @Test
    void wrongCookieIsRefusedOnBothSidesWithItsOwnExitCode() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = TargetJvm.start(home, "orders")) {
            Path otherCookie = otherCookie(home);

            DiagCli.Run run = DiagCli.run(home, "--cookie-file", otherCookie.toString(), "--cmd", "memory",
                    "--node", "orders");

            assertEquals(4, run.exit(), run::toString);
            assertTrue(run.out().isEmpty(), run::toString);
            assertEquals(1, run.err().lines().count(), run::toString);
            assertTrue(run.err().contains("refused our cookie"), run::toString);
            assertFalse(run.err().contains(Files.readString(otherCookie).strip()), "the cookie leaked into an error");
            assertFalse(run.err().contains("Exception"), run::toString);
            awaitOutput(target, "refused a connection");
            assertTrue(target.output().contains("proof does not match"), target.output());
            // the node is unharmed and still serves the right cookie
            assertEquals(0, DiagCli.run(home, "--cmd", "memory(heap)", "--node", "orders").exit());
        }
    }

    @Test
    void peerThatCannotProveItHoldsOurCookieIsRefusedBeforeAnyCall() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir();
                ServerSocket impostor = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Path shellCookie = home.path().resolve("cookie");
            CookieFile.loadOrCreate(shellCookie);
            Path impostorCookie = otherCookie(home);
            impostor.setSoTimeout(10_000); // socket waits ignore interrupts, so each has its own bound
            CompletableFuture<Integer> framesAfterWelcome = CompletableFuture.supplyAsync(() -> {
                try (Socket socket = impostor.accept()) {
                    socket.setSoTimeout(10_000);
                    DataInputStream in = new DataInputStream(socket.getInputStream());
                    OutputStream out = socket.getOutputStream();
                    AgentHandshake handshake = new AgentHandshake(CookieFile.load(impostorCookie), "orders",
                            new SecureRandom());
                    FrameIO.write(out, handshake.challenge(FrameIO.read(in, FrameLimits.PRE_AUTH_MAX)));
                    FrameIO.read(in, FrameLimits.PRE_AUTH_MAX); // the client's proof, which we cannot check
                    // Pretend it was fine: a well-formed WELCOME whose proof it cannot have computed.
                    byte[] guess = new byte[HandshakeMessage.MAC_BYTES];
                    new SecureRandom().nextBytes(guess);
                    FrameIO.write(out, new HandshakeMessage.Welcome(guess, "orders").encode());
                    return in.read() == -1 ? 0 : 1;
                } catch (Exception e) {
                    throw new CompletionException(e); // e.g. the shell never connected: get() says so
                }
            });

            DiagCli.Run run = DiagCli.run(home, "--cmd", "memory", "--node", "orders@127.0.0.1:" + impostor.getLocalPort());

            assertEquals(4, run.exit(), run::toString);
            assertTrue(run.err().contains("could not prove it holds our cookie"), run::toString);
            try {
                assertEquals(0, framesAfterWelcome.get(60, TimeUnit.SECONDS),
                        "the shell sent something to an unauthenticated peer");
            } catch (TimeoutException e) {
                throw new AssertionError("the impostor did not finish its side of the connection within 60 s", e);
            }
        }
    }

    @Test
    void cookieFileReadableByOthersIsRefusedWithTheFix() throws Exception {
        try (DiagHomeDir home = new DiagHomeDir(); TargetJvm target = TargetJvm.start(home, "orders")) {
            Path cookie = home.path().resolve("cookie");
            Files.setPosixFilePermissions(cookie, PosixFilePermissions.fromString("rw-r--r--"));

            DiagCli.Run run = DiagCli.run(home, "--cmd", "memory", "--node", "orders");

            assertEquals(4, run.exit(), run::toString);
            assertTrue(run.err().contains(cookie.toString()) && run.err().contains("0644")
                    && run.err().contains("chmod 600"), run::toString);
        }
    }

    private static Path otherCookie(DiagHomeDir home) throws Exception {
        Path other = home.path().resolve("other-cookie");
        CookieFile.loadOrCreate(other);
        return other;
    }

    private static void awaitOutput(TargetJvm target, String text) throws Exception {
        for (int i = 0; i < 100 && !target.output().contains(text); i++) {
            Thread.sleep(50);
        }
        assertTrue(target.output().contains(text), target.output());
    }
}
