package dev.diag.protocol.result;

/**
 * {@code system_info(version)}: the target's Java and VM, as their system properties say, and
 * the agent's version (its jar's Implementation-Version, or "development" when run from classes).
 * {@code feature} is the Java feature release, e.g. 17 or 25.
 */
public record VersionInfo(String item, String javaVersion, String javaVendor, int feature, String vmName,
        String vmVendor, String vmVersion, String agentVersion) {
    public static final String ITEM = "version";

    public VersionInfo(String javaVersion, String javaVendor, int feature, String vmName, String vmVendor,
            String vmVersion, String agentVersion) {
        this(ITEM, javaVersion, javaVendor, feature, vmName, vmVendor, vmVersion, agentVersion);
    }
}
