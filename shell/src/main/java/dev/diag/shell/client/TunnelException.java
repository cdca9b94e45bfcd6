package dev.diag.shell.client;

import dev.diag.shell.cli.DiagException;
import dev.diag.shell.cli.ExitCode;
import java.io.IOException;

/**
 * A {@code --via} command that ended with a reason the shell can name: ssh refused the login, does
 * not know the host key, was not found. {@link #getMessage()} says what happened (it reads on its
 * own after "lost the connection …: "); {@link #fix()} what to do about it.
 */
public final class TunnelException extends IOException {
    private final ExitCode exit;
    private final String fix;

    TunnelException(ExitCode exit, String reason, String fix) {
        super(reason);
        this.exit = exit;
        this.fix = fix;
    }

    public String fix() {
        return fix;
    }

    /** The one sentence for a session that could not start: {@code where} is the node or directory asked. */
    public DiagException sentence(String where) {
        return new DiagException(exit, "cannot reach " + where + ": " + getMessage() + "; " + fix + ".");
    }
}
