package dev.diag.protocol.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DirectoryPortTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void unsetMeans4370(String text) {
        assertEquals(OptionalInt.of(4370), DirectoryPort.parse(text));
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "1, 1", "4370, 4370", "' 5000 ', 5000", "65535, 65535"})
    void readsZeroAsOffAndAPortAsItself(String text, int port) {
        assertEquals(OptionalInt.of(port), DirectoryPort.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"65536", "-1", "4370x", "abc", "0x10f2", "99999999999", "1e3", "+4370"})
    void refusesAnythingElse(String text) {
        assertEquals(OptionalInt.empty(), DirectoryPort.parse(text));
    }
}
