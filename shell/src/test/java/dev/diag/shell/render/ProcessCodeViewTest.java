package dev.diag.shell.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.diag.protocol.result.CodeFrame;
import dev.diag.protocol.result.ProcessCode;
import dev.diag.protocol.result.ProcessCodeThread;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessCodeViewTest {

    @Test
    void listsEachThreadWithWhatItDoesNowAndItsFramesOfTheClass() {
        ProcessCodeThread parked = new ProcessCodeThread(23, "checkout-1", "WAITING",
                new CodeFrame(0, "jdk.internal.misc.Unsafe", "park", null, -2),
                List.of(new CodeFrame(3, "shop.Pricing", "awaitRates", null, 88),
                        new CodeFrame(5, "shop.Pricing", "price", "Pricing.java", 12)));
        ProcessCode result = new ProcessCode(List.of("shop.Pricing"), List.of(parked), 41, 900, 1_000L, null);

        assertEquals(List.of(
                "1 thread runs code of shop.Pricing (of 41 threads, stacks taken in one 0.9 ms pause):",
                "<23> checkout-1  WAITING  now in jdk.internal.misc.Unsafe.park",
                "    #3 shop.Pricing.awaitRates (Unknown Source:88)",
                "    #5 shop.Pricing.price (Pricing.java:12)",
                "shop.Pricing was last redefined 4 s ago: frames that began before then finish its old code, and",
                "every new call runs the new. The JVM names no source file for a frame of an older version: those",
                "frames show Unknown Source."), ProcessCodeView.render(result, 5_000L, 100));
    }

    @Test
    void saysSoWhenNoThreadRunsTheClass() {
        ProcessCode result = new ProcessCode(List.of("a.B", "a.C"), List.of(), 12, 300, null, "a.C is not loaded.");

        assertEquals(List.of("no thread runs code of a.B, a.C (of 12 threads, stacks taken in one 0.3 ms pause)",
                "a.C is not loaded."), ProcessCodeView.render(result, 0L, 100));
    }
}
