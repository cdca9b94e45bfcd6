package dev.diag.shell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.diag.protocol.message.CallError;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExitCodeTest {

    @Test
    void theMostSeriousFailureWinsUsageThenAuthenticationThenUnreachableThenBusyThenCallFailed() {
        List<ExitCode> mostSeriousFirst = List.of(ExitCode.USAGE, ExitCode.AUTH_REFUSED, ExitCode.UNREACHABLE,
                ExitCode.BUSY, ExitCode.CALL_FAILED, ExitCode.OK);
        for (int i = 0; i < mostSeriousFirst.size(); i++) {
            for (int j = i; j < mostSeriousFirst.size(); j++) {
                ExitCode serious = mostSeriousFirst.get(i);
                ExitCode lesser = mostSeriousFirst.get(j);
                assertEquals(serious, ExitCode.worst(serious, lesser), serious + " vs " + lesser);
                assertEquals(serious, ExitCode.worst(lesser, serious), lesser + " vs " + serious);
            }
        }
    }

    @Test
    void anUnreachableNodeAndAFailedCallElsewhereExitWith3() {
        ExitCode run = ExitCode.OK;
        for (ExitCode node : List.of(ExitCode.OK, ExitCode.CALL_FAILED, ExitCode.UNREACHABLE, ExitCode.OK)) {
            run = ExitCode.worst(run, node);
        }
        assertEquals(3, run.code);
    }

    @Test
    void keepsTheCodesScriptsAlreadyRelyOn() {
        assertEquals(List.of(0, 1, 2, 3, 4, 5), List.of(ExitCode.OK.code, ExitCode.CALL_FAILED.code, ExitCode.USAGE.code,
                ExitCode.UNREACHABLE.code, ExitCode.AUTH_REFUSED.code, ExitCode.BUSY.code));
    }

    @Test
    void aBusyNodeIsItsOwnCodeAndAnyOtherCallErrorIsAFailedCall() {
        assertEquals(5, ExitCode.ofCallError(new CallError(CallError.BUSY, "the node is busy: ...")).code);
        assertEquals(1, ExitCode.ofCallError(new CallError(CallError.BAD_ARGUMENT, "unknown kind")).code);
        assertEquals(1, ExitCode.ofCallError(null).code);
    }

    @Test
    void helpSaysWhichCodeWinsWhenFailuresMix() {
        assertTrue(ExitCode.helpTable().contains("2 > 4 > 3 > 5 > 1"), ExitCode.helpTable());
    }
}
