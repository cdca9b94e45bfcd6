package dev.diag.agent.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.diag.agent.AgentThreads;
import dev.diag.agent.StopSwitch;
import dev.diag.agent.code.CodeLoader;
import dev.diag.agent.heart.Heart;
import dev.diag.protocol.function.Impact;
import dev.diag.protocol.message.CallError;
import dev.diag.protocol.result.Stopped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StopTest {
    private final StopSwitch stopSwitch = new StopSwitch();
    private final Stop stop = new Stop(stopSwitch, Heart.off(), new CodeLoader(null)::redefinedClasses);
    private final AfterAnswer context = new AfterAnswer();

    @Test
    void answersFirstAndStopsTheAgentOnlyFromTheActionRunAfterTheAnswer() throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        List<Thread> stoppers = new ArrayList<>();
        List<Boolean> agents = new ArrayList<>();
        stopSwitch.connect("orders@vm", () -> {
            stoppers.add(Thread.currentThread());
            agents.add(AgentThreads.isAgents(Thread.currentThread())); // while it runs: an ended thread has no group
            stopped.countDown();
        });

        Stopped answer = (Stopped) stop.call(args(), context);

        assertEquals(new Stopped("orders@vm", Stopped.HEART_OFF, 0), answer);
        assertEquals(1, stopped.getCount(), "stopped before answering");
        assertEquals(1, context.actions.size());
        context.actions.get(0).run(); // what the connection does once the answer is written

        assertTrue(stopped.await(5, TimeUnit.SECONDS));
        Thread stopper = stoppers.get(0);
        assertEquals("diag-stop", stopper.getName());
        assertEquals(List.of(true), agents, "not left out of the app's rankings");
        stopper.join(5_000);
        assertTrue(!stopper.isAlive(), "the one-shot thread outlived the stop");
    }

    @Test
    void stopsOnceHoweverOftenPressed() {
        List<String> closes = new ArrayList<>();
        stopSwitch.connect("orders@vm", () -> closes.add("closed"));

        stopSwitch.press();
        stopSwitch.press();

        assertEquals(List.of("closed"), closes);
        assertEquals(null, stopSwitch.node(), "a stopped switch still names its node");
    }

    @Test
    void saysToTryAgainWhileTheAgentIsStillStarting() {
        FunctionException e = assertThrows(FunctionException.class, () -> stop.call(args(), context));

        assertEquals(CallError.FAILED, e.toError().code());
        assertTrue(e.getMessage().contains("try again"), e.getMessage());
        assertEquals(List.of(), context.actions);
    }

    @Test
    void takesHeartAsItsOnlyArgument() {
        stopSwitch.connect("orders@vm", () -> { });

        FunctionException e = assertThrows(FunctionException.class, () -> stop.call(args("now"), context));

        assertEquals(CallError.BAD_ARGUMENT, e.toError().code());
        assertEquals(List.of(), context.actions);
    }

    @Test
    void stopHeartOnANodeWithoutHeartStopsTheAgentAndSaysHeartWasOff() throws Exception {
        stopSwitch.connect("orders@vm", () -> { });

        Stopped answer = (Stopped) stop.call(args(Stop.HEART), context);

        assertEquals(Stopped.HEART_OFF, answer.heart());
        assertEquals(1, context.actions.size());
    }

    @Test
    void isDeclaredHighImpactSoTheConsoleAsksFirst() {
        assertEquals(Impact.Level.HIGH, stop.impact().level());
        assertSame(Stop.class, Functions.all().find("stop").getClass());
    }

    private static Args args(String... atoms) {
        List<JsonNode> values = new ArrayList<>();
        for (String atom : atoms) {
            values.add(TextNode.valueOf(atom));
        }
        return new Args("stop", values);
    }

    /** A connection that keeps the after-answer actions for the test to run. */
    private static final class AfterAnswer implements CallContext {
        final List<Runnable> actions = new ArrayList<>();

        @Override
        public boolean cancelled() {
            return false;
        }

        @Override
        public void emit(List<?> rows) {
            throw new AssertionError("stop() answers in one piece");
        }

        @Override
        public void afterAnswer(Runnable action) {
            actions.add(action);
        }
    }
}
