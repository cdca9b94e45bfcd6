package dev.diag.agent.tls;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM text (RFC 7468): base64 of DER between BEGIN and END lines, 64 characters a line, as
 * openssl writes and reads it. One file may hold several blocks; each is found by its label.
 */
final class Pem {
    private Pem() {
    }

    static String encode(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    /** The DER of the first block labelled {@code label}; empty when there is none or it is not base64. */
    static Optional<byte[]> decode(String text, String label) {
        Matcher block = Pattern.compile("-----BEGIN " + Pattern.quote(label) + "-----([A-Za-z0-9+/=\\s]*)-----END "
                + Pattern.quote(label) + "-----").matcher(text);
        if (!block.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Base64.getMimeDecoder().decode(block.group(1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
