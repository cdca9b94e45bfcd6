package dev.diag.protocol.node;

/**
 * Tells an address literal from a host name by its characters alone, so that no resolver is asked
 * and no regular expression compiled: a one-shot shell tells them apart on its way to the socket,
 * where compiling {@code [0-9.]+} and its kin, with the call sites the regex engine links, cost it
 * more than the rest of the look-up.
 */
public final class AddressLiterals {
    private AddressLiterals() {
    }

    /** {@code [0-9.]+}: an IPv4 literal, or digits no host name consists of. */
    public static boolean isDottedDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.')) {
                return false;
            }
        }
        return !text.isEmpty();
    }

    /** {@code [0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*}: an IPv6 literal (only those have a colon). */
    public static boolean isColonLiteral(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == ':' || c == '.')) {
                return false;
            }
        }
        return text.indexOf(':') >= 0;
    }
}
