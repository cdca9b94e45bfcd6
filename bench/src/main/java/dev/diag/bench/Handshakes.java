package dev.diag.bench;

import dev.diag.protocol.cookie.Cookie;
import dev.diag.protocol.cookie.CookieFile;
import dev.diag.protocol.frame.FrameIO;
import dev.diag.protocol.frame.FrameLimits;
import dev.diag.protocol.handshake.ClientHandshake;
import dev.diag.protocol.handshake.Nonces;
import dev.diag.protocol.handshake.TlsBinding;
import dev.diag.protocol.handshake.TlsClient;
import java.io.DataInputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import javax.net.ssl.SSLSocket;

/**
 * Opens COUNT authenticated sessions to a node on loopback, one after another, and closes each:
 * in one JVM, so what bench/tls measures on the node is its side of the handshakes, not JVM starts.
 *
 * <pre>
 * java -cp CLASSPATH dev.diag.bench.Handshakes PORT plain|tls COUNT COOKIE_FILE
 * </pre>
 */
public final class Handshakes {
    private Handshakes() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        boolean tls = args[1].equals("tls");
        int count = Integer.parseInt(args[2]);
        Cookie cookie = CookieFile.load(Path.of(args[3]));
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            try (Socket plain = new Socket(InetAddress.getLoopbackAddress(), port)) {
                plain.setSoTimeout(10_000);
                Socket socket = plain;
                TlsBinding binding = TlsBinding.NONE;
                if (tls) {
                    SSLSocket secured = TlsClient.over(plain);
                    socket = secured;
                    binding = TlsClient.binding(secured);
                }
                DataInputStream in = new DataInputStream(socket.getInputStream());
                ClientHandshake handshake = new ClientHandshake(cookie, "bench", Nonces.source(), binding);
                FrameIO.write(socket.getOutputStream(), handshake.hello());
                FrameIO.write(socket.getOutputStream(), handshake.prove(FrameIO.read(in, FrameLimits.PRE_AUTH_MAX)));
                handshake.finish(FrameIO.read(in, FrameLimits.PRE_AUTH_MAX));
                socket.close();
            }
        }
        System.out.printf("%d %s sessions in %.0f ms%n", count, args[1], (System.nanoTime() - start) / 1e6);
    }
}
