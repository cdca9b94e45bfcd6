package dev.diag.agent.heart;

import dev.diag.protocol.result.HeartCommand;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The restart command the agent holds for heart: the configured one, from the embedding API, else
 * {@code heart-command-file=}, else $HEART_COMMAND (read once, when the agent starts), and the one
 * set live by {@code heart:set_cmd}, which wins until {@code heart:clear_cmd} goes back to the
 * configured one. Kept exactly as given: get_cmd returns what set_cmd was given, byte for byte.
 */
final class HeartCommands {
    static final String SET_CMD = "set_cmd";
    static final String FILE = "heart-command-file";
    static final String ENV = "HEART_COMMAND";
    static final String CODE = "code";

    private final HeartCommand configured;
    private HeartCommand current;

    HeartCommands(HeartCommand configured) {
        this.configured = configured;
        this.current = configured;
    }

    /** The configured command: code, else the file (which must be readable), else {@code environment}'s HEART_COMMAND. */
    static HeartCommands configured(HeartOptions options, String environment) throws IOException {
        if (options.command() != null) {
            return new HeartCommands(checked(options.command(), CODE));
        }
        if (options.commandFile() != null) {
            Path file = Path.of(options.commandFile());
            String text;
            try {
                if (Files.size(file) > HeartCommand.MAX_BYTES) {
                    throw new IOException("it holds more than " + HeartCommand.MAX_BYTES + " bytes");
                }
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new IOException("there is no such file");
            } catch (AccessDeniedException e) {
                throw new IOException("permission denied");
            } catch (CharacterCodingException e) {
                throw new IOException("it is not UTF-8 text");
            }
            // a file written by echo or an editor ends in a newline that is no part of the command
            return new HeartCommands(checked(text.replaceAll("[\r\n]+$", ""), FILE));
        }
        if (environment != null && !environment.isEmpty()) {
            return new HeartCommands(checked(environment, ENV));
        }
        return new HeartCommands(new HeartCommand("", HeartCommand.NONE));
    }

    HeartCommand configured() {
        return configured;
    }

    synchronized HeartCommand current() {
        return current;
    }

    synchronized HeartCommand set(String command) {
        current = checked(command, SET_CMD);
        return current;
    }

    synchronized HeartCommand clear() {
        current = configured;
        return current;
    }

    /** Why {@code command} cannot be a restart command, or null when it can. */
    static String problem(String command) {
        if (command.indexOf('\0') >= 0) {
            return "a command cannot hold a NUL character: sh could not run it";
        }
        int bytes = command.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > HeartCommand.MAX_BYTES) {
            return "a command of " + bytes + " bytes is longer than heart takes (" + HeartCommand.MAX_BYTES + " bytes of UTF-8)";
        }
        return null;
    }

    private static HeartCommand checked(String command, String source) {
        String problem = problem(command);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return command.isEmpty() ? new HeartCommand("", HeartCommand.NONE) : new HeartCommand(command, source);
    }
}
