package dev.diag.agent.probe;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.management.Descriptor;
import javax.management.JMException;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanException;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;
import javax.management.RuntimeOperationsException;

/**
 * The JVM's diagnostic commands (what {@code jcmd PID GC.class_histogram} runs) through the
 * DiagnosticCommand MBean, in process: no attach, no second JVM. Each answer is the text jcmd
 * would print; the callers parse it. {@link #catalog()} lists the commands as the MBean describes
 * them (one MBeanInfo read, no command run).
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

    /**
     * Every command the MBean offers, sorted by name, with its impact, description and argument names
     * from each operation's descriptor; an {@link UnsupportedOperationException} where the JVM has no
     * such MBean.
     */
    public static List<DiagnosticCommandInfo> catalog() {
        MBeanOperationInfo[] operations;
        try {
            operations = ManagementFactory.getPlatformMBeanServer().getMBeanInfo(new ObjectName(MBEAN)).getOperations();
        } catch (JMException e) {
            throw new UnsupportedOperationException("this JVM offers no diagnostic commands ("
                    + e.getClass().getSimpleName() + ")", e);
        }
        List<DiagnosticCommandInfo> commands = new ArrayList<>();
        for (MBeanOperationInfo operation : operations) {
            Descriptor d = operation.getDescriptor();
            if (d.getFieldValue("dcmd.name") instanceof String name && !Boolean.FALSE.equals(enabled(d))) {
                commands.add(new DiagnosticCommandInfo(name, operation.getName(), text(d, "dcmd.vmImpact"),
                        text(d, "dcmd.description"), arguments(d)));
            }
        }
        commands.sort(Comparator.comparing(DiagnosticCommandInfo::name));
        return commands;
    }

    private static Object enabled(Descriptor d) {
        return d.getFieldValue("dcmd.enabled");
    }

    private static String text(Descriptor d, String field) {
        Object value = d.getFieldValue(field);
        return value == null ? "" : value.toString().strip();
    }

    /** The argument and option names, from the nested descriptor {@code dcmd.arguments} (absent: none). */
    private static List<String> arguments(Descriptor d) {
        return d.getFieldValue("dcmd.arguments") instanceof Descriptor args ? List.of(args.getFieldNames()) : List.of();
    }
}
