package dev.diag.agent.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** /proc/self/cgroup as cgroup v2, v1 and hybrid hosts print it, and the pids files under it. */
class CgroupPidsTest {
    static final String V2 = "0::/system.slice/orders.service\n";
    static final String V1 = String.join("\n",
            "12:pids:/docker/abc123",
            "11:memory:/docker/abc123",
            "4:cpu,cpuacct:/docker/abc123",
            "1:name=systemd:/docker/abc123",
            "0::/docker/abc123",
            "");

    @Test
    void walksUpFromTheV2GroupToTheRoot() {
        assertEquals(List.of("/sys/fs/cgroup/system.slice/orders.service", "/sys/fs/cgroup/system.slice", "/sys/fs/cgroup"),
                CgroupPids.directories(V2));
    }

    @Test
    void readsTheRootGroupOfAContainerWithItsOwnCgroupNamespace() {
        assertEquals(List.of("/sys/fs/cgroup"), CgroupPids.directories("0::/\n"));
    }

    @Test
    void prefersTheV1PidsHierarchyOnAHybridHost() {
        assertEquals(List.of("/sys/fs/cgroup/pids/docker/abc123", "/sys/fs/cgroup/pids/docker", "/sys/fs/cgroup/pids"),
                CgroupPids.directories(V1));
    }

    @Test
    void findsThePidsControllerAmongSeveralInOneV1Line() {
        assertEquals(List.of("/sys/fs/cgroup/pids/a", "/sys/fs/cgroup/pids"), CgroupPids.directories("3:cpu,pids:/a\n"));
    }

    @Test
    void findsNoDirectoriesWithoutACgroupFile() {
        assertEquals(List.of(), CgroupPids.directories(null));
        assertEquals(List.of(), CgroupPids.directories("garbage\n"));
    }

    @Test
    void readsTheGroupsLimitAndCurrentCount() {
        Map<String, String> files = new HashMap<>(Map.of("/proc/self/cgroup", V2,
                "/sys/fs/cgroup/system.slice/orders.service/pids.max", "512\n",
                "/sys/fs/cgroup/system.slice/orders.service/pids.current", "40\n"));
        assertEquals(new CgroupPids.Pids("/sys/fs/cgroup/system.slice/orders.service/pids.max", 512L, 40),
                CgroupPids.read(files::get));
    }

    @Test
    void takesTheAncestorWithLessRoomWhenItIsTighter() {
        Map<String, String> files = new HashMap<>(Map.of("/proc/self/cgroup", V2,
                "/sys/fs/cgroup/system.slice/orders.service/pids.max", "max\n",
                "/sys/fs/cgroup/system.slice/orders.service/pids.current", "40\n",
                "/sys/fs/cgroup/system.slice/pids.max", "1000\n",
                "/sys/fs/cgroup/system.slice/pids.current", "990\n"));
        assertEquals(new CgroupPids.Pids("/sys/fs/cgroup/system.slice/pids.max", 1000L, 990),
                CgroupPids.read(files::get));
    }

    @Test
    void reportsAnUnlimitedGroupWhereNoLevelSetsALimit() {
        Map<String, String> files = new HashMap<>(Map.of("/proc/self/cgroup", V2,
                "/sys/fs/cgroup/system.slice/orders.service/pids.max", "max\n",
                "/sys/fs/cgroup/system.slice/orders.service/pids.current", "40\n"));
        assertEquals(new CgroupPids.Pids("/sys/fs/cgroup/system.slice/orders.service/pids.max", null, 40),
                CgroupPids.read(files::get));
    }

    @Test
    void reachesTheContainersOwnRootWhenTheHostPathIsNotMounted() {
        Map<String, String> files = new HashMap<>(Map.of("/proc/self/cgroup", V1,
                "/sys/fs/cgroup/pids/pids.max", "2048\n",
                "/sys/fs/cgroup/pids/pids.current", "12\n"));
        assertEquals(new CgroupPids.Pids("/sys/fs/cgroup/pids/pids.max", 2048L, 12), CgroupPids.read(files::get));
    }

    @Test
    void saysNothingWithoutAPidsController() {
        assertNull(CgroupPids.read(Map.of("/proc/self/cgroup", V2)::get));
        assertNull(CgroupPids.read(path -> null));
    }

    @Test
    void skipsALevelWhoseFilesAreNotNumbers() {
        Map<String, String> files = new HashMap<>(Map.of("/proc/self/cgroup", "0::/a\n",
                "/sys/fs/cgroup/a/pids.max", "lots\n",
                "/sys/fs/cgroup/a/pids.current", "40\n"));
        assertNull(CgroupPids.read(files::get));
    }
}
