package dev.diag.agent.probe;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanException;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;
import javax.management.RuntimeOperationsException;

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
        } catch (MBeanException | RuntimeMBeanException | RuntimeOperationsException e) {
            // the command ran and failed (e.g. out of memory while walking the heap): say why, not that it is missing
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new UnsupportedOperationException("the JVM's diagnostic command " + operation + " failed: "
                    + Reasons.of(cause), e);
        } catch (JMException e) {
            throw new UnsupportedOperationException("this JVM does not run the diagnostic command " + operation + " ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

}
