package dev.diag.agent.probe;

import java.lang.management.ManagementFactory;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;

/**
 * What the probes that read an app's own MBeans share (registered mailboxes, heart's health
 * checks): finding the platform MBeanServer without creating it, the name to show for a bean,
 * and the getter's own exception under JMX's wrapping.
 */
public final class AppBeans {
    private AppBeans() {
    }

    /** The platform MBeanServer if something already created it; creating it would cost the target tens of ms. */
    public static MBeanServer serverIfStarted() {
        try {
            if (MBeanServerFactory.findMBeanServer(null).isEmpty()) {
                return null;
            }
        } catch (SecurityException e) {
            // not allowed to look: ask for the platform server, as the app itself would
        }
        return ManagementFactory.getPlatformMBeanServer();
    }

    /** The name key, unquoted ("audit" for name=audit or name="audit"); the whole key list without one. */
    public static String displayName(ObjectName name) {
        String value = name.getKeyProperty("name");
        if (value == null) {
            return name.getKeyPropertyListString();
        }
        try {
            return value.startsWith("\"") ? ObjectName.unquote(value) : value;
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    /** The getter's own exception, not JMX's wrapping of it (at most 8 causes deep). */
    public static Throwable rootCause(Exception e) {
        Throwable cause = e;
        for (int i = 0; i < 8 && cause.getCause() != null; i++) {
            cause = cause.getCause();
        }
        return cause;
    }
}
