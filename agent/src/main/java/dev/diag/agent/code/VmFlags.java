package dev.diag.agent.code;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/** The JVM's own -XX flags, as HotSpotDiagnosticMXBean reports them; false where the JVM has no such flag or no such bean. */
final class VmFlags {
    private VmFlags() {
    }

    static boolean on(String flag) {
        try {
            HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return hotspot != null && Boolean.parseBoolean(hotspot.getVMOption(flag).getValue());
        } catch (RuntimeException | LinkageError e) {
            return false; // not HotSpot, no jdk.management, or the flag was removed
        }
    }
}
