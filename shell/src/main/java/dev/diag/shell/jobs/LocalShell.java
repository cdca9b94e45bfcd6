package dev.diag.shell.jobs;

import dev.diag.protocol.cookie.DiagHome;
import dev.diag.shell.cli.DiagException;
import dev.diag.shell.cli.ExitCode;
import dev.diag.shell.cli.Installation;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;

/**
 * The ^G {@code s} command: a node inside the console's own JVM, so the console can look at
 * itself. The one narrow door between shell and agent: the agent jar is loaded in a class loader
 * of its own (its protocol classes and relocated libraries never meet the shell's) and started
 * through its embedding API, found by name; then a job connects to it like to any node.
 */
public final class LocalShell {
    private LocalShell() {
    }

    /** Starts (once) the console's own node and returns its name. */
    public static synchronized String start(DiagHome home) throws DiagException {
        String name = "shell" + ProcessHandle.current().pid();
        if (System.getProperty("dev.diag.agent.node") != null) {
            return name; // already started by an earlier s
        }
        try {
            URL jar = Installation.locate().agentJar().toUri().toURL();
            ClassLoader loader = new URLClassLoader(new URL[] {jar}, ClassLoader.getPlatformClassLoader());
            Class<?> options = loader.loadClass("dev.diag.agent.AgentOptions");
            Object parsed = options.getMethod("parse", String.class).invoke(null, "name=" + name + ",home=" + home.dir());
            loader.loadClass("dev.diag.agent.DiagAgent").getMethod("start", options).invoke(null, parsed);
            System.setProperty("dev.diag.agent.node", name);
            return name;
        } catch (InvocationTargetException e) {
            throw new DiagException(ExitCode.UNREACHABLE, "cannot start a node in the console: "
                    + e.getCause().getMessage() + ".");
        } catch (ReflectiveOperationException | MalformedURLException | RuntimeException e) {
            throw new DiagException(ExitCode.UNREACHABLE, "cannot start a node in the console: " + e + ".");
        }
    }
}
