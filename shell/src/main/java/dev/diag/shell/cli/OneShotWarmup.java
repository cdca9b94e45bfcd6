package dev.diag.shell.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.diag.protocol.message.JsonStreams;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Sets up library code on a thread of its own while the main thread reads its options and the
 * cookie, and connects: the JDK's lambda machinery, Jackson's JSON factory and parser (the
 * registry lookup needs them first), the JDK's socket implementation (an unconnected socket,
 * closed at once), then the JDK's SHA-256 (the handshake's first HMAC), whose first
 * {@code MessageDigest.getInstance} reads the security properties and makes the SUN provider with
 * its hundred services. Together about a quarter of a one-shot call's main thread on JDK 17, all
 * of it before the first byte is sent. Nothing of diag's own runs here: a parse of a constant, a
 * socket never connected and a digest look-up, whose results are dropped. Where the main thread
 * gets there first, it waits for the class initialisation in progress rather than doing it twice;
 * a failure here is left for the main thread to meet and report in its own words. A daemon thread
 * that ends by itself a few milliseconds later; on one core it costs no more than the main thread
 * doing the same work itself.
 */
final class OneShotWarmup implements Runnable {
    private static final byte[] SAMPLE = "{\"name\":\"x\",\"port\":1,\"tls\":false}".getBytes(StandardCharsets.UTF_8);

    private OneShotWarmup() {
    }

    private static void nothing() {
    }

    /** Starts the warm-up; returns at once. */
    static void start() {
        Thread thread = new Thread(new OneShotWarmup(), "diag-warmup");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        // The first lambda of the process initialises the JDK's lambda machinery (a few ms,
        // interpreted). The main thread links none before it opens its socket, whose JDK classes do.
        Runnable first = OneShotWarmup::nothing;
        first.run();
        try (JsonParser parser = JsonStreams.FACTORY.createParser(SAMPLE)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_NUMBER_INT) {
                    parser.getNumberType(); // as the registry's reader asks of a port or pid
                    parser.getLongValue();
                } else {
                    parser.getText();
                }
            }
        } catch (IOException | RuntimeException e) {
            // the registry's reader meets it again and says what is wrong
        }
        try (Socket unconnected = new Socket()) {
            unconnected.setTcpNoDelay(true); // makes the JDK's socket implementation, as DiagClient's first option does
        } catch (IOException | RuntimeException e) {
            // the connection meets it again and says what is wrong
        }
        try {
            MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException | RuntimeException e) {
            // the handshake asks again and says what is missing
        }
    }
}
