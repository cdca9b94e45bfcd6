package dev.diag.shell.client;

import dev.diag.protocol.cookie.DiagHome;
import dev.diag.protocol.cookie.StrictModes;
import dev.diag.protocol.cookie.UnsafePathException;
import dev.diag.protocol.node.BadNodeNameException;
import dev.diag.protocol.node.NodeName;
import dev.diag.shell.cli.DiagException;
import dev.diag.shell.cli.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which nodes go through which {@code --via} command. {@code --via} covers every node written
 * with a host ({@code name@host}, {@code name@host:port}); without it, the first line of
 * {@code $DIAG_HOME/via} whose patterns match the host does, as ssh's {@code Host} blocks do:
 * <pre>
 *   # host-patterns   command (%h the host, %p the port)
 *   db*.prod,!db9.prod  ssh -J bastion.prod -W 127.0.0.1:%p %h
 *   *.staging           ssh -W 127.0.0.1:%p %h
 * </pre>
 * Patterns take {@code *} and {@code ?}, a comma list, and {@code !} to exclude; a command
 * {@code none} reaches matching hosts directly. A bare node name is this host and never tunnelled.
 * The file runs commands as you, so, like the cookie, it must be yours and not writable by others.
 */
public final class ViaRules {
    /** The command word that means "connect directly", as in ssh's {@code ProxyCommand none}. */
    public static final String NONE = "none";

    private final ViaCommand always;
    private final List<Rule> rules;

    private ViaRules(ViaCommand always, List<Rule> rules) {
        this.always = always;
        this.rules = rules;
    }

    /** No tunnels at all. */
    public static ViaRules direct() {
        return new ViaRules(null, List.of());
    }

    /** {@code --via} if given (null if not), else the rules in {@code $DIAG_HOME/via} when it exists. */
    public static ViaRules load(DiagHome home, String option) throws DiagException {
        if (option != null) {
            if (option.isBlank()) {
                throw new DiagException(ExitCode.USAGE, "--via needs a command, e.g. --via 'ssh -W 127.0.0.1:%p %h', "
                        + "or none to connect directly.");
            }
            return new ViaRules(command(option.strip()), List.of());
        }
        Path file = home.dir().resolve("via");
        try {
            StrictModes.checkFile(file);
            return new ViaRules(null, parse(Files.readAllLines(file), file));
        } catch (NoSuchFileException e) {
            return direct();
        } catch (UnsafePathException e) {
            throw new DiagException(ExitCode.AUTH_REFUSED, e.getMessage() + ".");
        } catch (IOException e) {
            throw new DiagException(ExitCode.USAGE, "cannot read " + file + ": " + e.getMessage() + ".");
        }
    }

    static List<Rule> parse(List<String> lines, Path file) throws DiagException {
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+", 2);
            if (parts.length < 2) {
                throw new DiagException(ExitCode.USAGE, file + " line " + (i + 1) + " has host patterns but no command: "
                        + "write 'PATTERNS COMMAND', e.g. '*.prod ssh -W 127.0.0.1:%p %h'.");
            }
            rules.add(new Rule(List.of(parts[0].split(",")), command(parts[1].strip())));
        }
        return List.copyOf(rules);
    }

    /** The command for the node typed, if it goes through one. */
    public Optional<ViaCommand> forNode(String typed) {
        NodeName name;
        try {
            name = NodeName.parse(typed);
        } catch (BadNodeNameException e) {
            return Optional.empty(); // the resolver says what is wrong with it
        }
        return name.host() == null ? Optional.empty() : forHost(name.connectHost());
    }

    Optional<ViaCommand> forHost(String host) {
        if (always != null) {
            return Optional.ofNullable(always.template() == null ? null : always);
        }
        return rules.stream().filter(rule -> rule.matches(host)).findFirst().flatMap(rule -> Optional.ofNullable(rule.command()));
    }

    private static ViaCommand command(String text) {
        return text.equals(NONE) ? new ViaCommand(null) : new ViaCommand(text);
    }

    /** One line: a host matches when one pattern does and no {@code !pattern} does; a null template is "none". */
    record Rule(List<String> patterns, ViaCommand viaCommand) {
        ViaCommand command() {
            return viaCommand.template() == null ? null : viaCommand;
        }

        boolean matches(String host) {
            boolean any = false;
            for (String pattern : patterns) {
                boolean negated = pattern.startsWith("!");
                if (glob(negated ? pattern.substring(1) : pattern).matcher(host.toLowerCase(Locale.ROOT)).matches()) {
                    if (negated) {
                        return false;
                    }
                    any = true;
                }
            }
            return any;
        }

        private static Pattern glob(String pattern) {
            StringBuilder regex = new StringBuilder();
            for (char c : pattern.toLowerCase(Locale.ROOT).toCharArray()) {
                regex.append(switch (c) {
                    case '*' -> ".*";
                    case '?' -> ".";
                    default -> Pattern.quote(String.valueOf(c));
                });
            }
            return Pattern.compile(regex.toString());
        }
    }
}
