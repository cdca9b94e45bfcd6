package dev.diag.agent.probe;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * The JVM's diagnostic commands (what {@code jcmd PID GC.class_histogram} runs) through the
 * DiagnosticCommand MBean, in process: no attach, no second JVM. Each answer is the text jcmd
 * would print; the callers parse it.
 */
public final class DiagnosticCommands {
    private static final String MBEAN = "com.sun.management:type=DiagnosticCommand";

    private DiagnosticCommands() {
    }

    /**
     * Runs {@code operation} (the MBean's name for a command: gcClassHistogram, vmNativeMemory)
     * with jcmd-style {@code args}; a JVM without the MBean or the command is an
     * {@link UnsupportedOperationException} whose message says so.
     */
    public static String run(String operation, String... args) {
        try {
            Object text = ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName(MBEAN), operation,
                    new Object[] {args}, new String[] {String[].class.getName()});
            return text == null ? "" : text.toString();
        } catch (JMException e) {
            throw new UnsupportedOperationException("this JVM does not run the diagnostic command " + operation + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
    }
}
