package dev.diag.protocol.node;

import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class LocalHostTest {

    @Test
    void isAShortNameWithoutTheDomain() {
        String name = LocalHost.name();
        assertFalse(name.isBlank());
        assertFalse(name.contains("."), name);
    }
}
