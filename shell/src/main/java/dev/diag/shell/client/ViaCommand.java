package dev.diag.shell.client;

/**
 * A command whose stdin and stdout carry a session to a node elsewhere, as OpenSSH's
 * ProxyCommand carries ssh: {@code %h} becomes the node's host as typed, {@code %p} the port
 * (the directory's, then the node's), {@code %%} a percent sign. Run by {@code /bin/sh -c 'exec …'},
 * as ssh runs its ProxyCommand, so quoting and ~/.ssh/config work as operators expect.
 * <pre>
 *   ssh -W 127.0.0.1:%p %h              the node bound to loopback on the host it runs on
 *   ssh -J bastion -W 127.0.0.1:%p %h   the same, through a jump host
 * </pre>
 * Host names are checked by {@link dev.diag.protocol.node.NodeName} (letters, digits, '.', '-',
 * an IPv6 literal), so nothing typed as a node name reaches the shell as syntax.
 * Cost: one child process per session, ended with it ({@link TunnelWire}); sessions to one host
 * through OpenSSH's ssh share one SSH connection ({@link SshMasters}).
 */
public record ViaCommand(String template) {

    /** The command line for one connection. */
    public String expand(String host, int port) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '%' && i + 1 < template.length()) {
                char next = template.charAt(i + 1);
                String value = switch (next) {
                    case 'h' -> host;
                    case 'p' -> Integer.toString(port);
                    case '%' -> "%";
                    default -> null;
                };
                if (value != null) {
                    line.append(value);
                    i++;
                    continue;
                }
            }
            line.append(c);
        }
        return line.toString();
    }

    @Override
    public String toString() {
        return "'" + template + "'";
    }
}
