package dev.diag.agent.probe.frameworks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import dev.diag.agent.probe.JdkInternals;
import dev.diag.agent.probe.Mailbox;
import dev.diag.agent.probe.MailboxFinder;
import dev.diag.agent.probe.MailboxSnapshot;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.AbstractActor;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import scala.concurrent.Await;
import scala.concurrent.duration.Duration;

/**
 * The real Pekko (classic actors), its default dispatcher one thread wide: one actor runs on that
 * thread and does not finish, another waits behind it, queued on the dispatcher's pool. Each is a
 * mailbox of its own, named by its path; the running one's owner is the thread, the queued one
 * has none, and the pool itself shows no empty fork_join mailbox.
 */
class PekkoMailboxesTest {
    private final MailboxFinder finder = new MailboxFinder(JdkInternals.withoutInstrumentation());
    private ActorSystem system;
    private ActorRef stuck;

    /** Takes "block" as a call that does not return until the test ends; anything else at once. */
    public static final class Stuck extends AbstractActor {
        @Override
        public Receive createReceive() {
            return receiveBuilder().matchEquals("block", m -> BlockedActors.block()).matchAny(m -> { }).build();
        }
    }

    @AfterEach
    void release() throws Exception {
        BlockedActors.release();
        if (system != null) {
            Await.result(system.terminate(), Duration.create(10, TimeUnit.SECONDS));
        }
    }

    /** An actor system whose default dispatcher has one thread, running the actor "stuck" that does not return. */
    private Thread oneThreadBlocked() throws InterruptedException {
        BlockedActors.reset();
        system = ActorSystem.create("unit", ConfigFactory.parseString(
                "pekko.actor.default-dispatcher.fork-join-executor { parallelism-min = 1, parallelism-max = 1 }\n"
                        + "pekko.loglevel = OFF\npekko.stdout-loglevel = OFF"));
        stuck = system.actorOf(Props.create(Stuck.class), "stuck");
        stuck.tell("block", ActorRef.noSender());
        return BlockedActors.running();
    }

    @Test
    void theRunningActorIsItsThreadsMailboxAndTheQueuedOneHasNoOwner() throws Exception {
        Thread running = oneThreadBlocked();
        ActorRef waiting = system.actorOf(Props.create(Stuck.class), "waiting");
        for (int i = 0; i < 10; i++) {
            stuck.tell("x", ActorRef.noSender());
        }
        for (int i = 0; i < 20; i++) {
            waiting.tell("x", ActorRef.noSender());
        }

        MailboxSnapshot snapshot = BlockedActors.actorsSeen(finder, 2);
        List<Mailbox> all = snapshot.all().stream().filter(m -> m.name().startsWith("pekko://")).toList();
        assertEquals(List.of(new Mailbox("pekko://unit/user/waiting", "actor", 20, null, List.of()),
                new Mailbox("pekko://unit/user/stuck", "actor", 10, null, List.of(running.getId()))), all);
        assertEquals(all.get(1), snapshot.servedBy(running.getId()).orElseThrow());
        assertTrue(all.stream().noneMatch(m -> m.name().contains("default-dispatcher")), all.toString());
    }

    @Test
    void tasksOnTheDispatcherThatAreNoActorsAreItsPoolsMailbox() throws Exception {
        Thread running = oneThreadBlocked();
        for (int i = 0; i < 3; i++) {
            system.dispatcher().execute(() -> { });
        }

        List<Mailbox> all = finder.scan(Thread.getAllStackTraces().keySet()).all();
        assertTrue(all.contains(new Mailbox("unit-pekko.actor.default-dispatcher", Mailbox.FORK_JOIN, 3, null,
                List.of(running.getId()))), all.toString());
    }

    @Test
    void listsAtMostAThousandActorsAndSaysHowManyMoreWait() throws Exception {
        oneThreadBlocked();
        for (int i = 0; i < PekkoMailboxes.MAX_LISTED + 5; i++) {
            system.actorOf(Props.create(Stuck.class), "idle-" + i).tell("x", ActorRef.noSender());
        }

        // an actor made from outside is started a moment later, on Pekko's own thread: wait for all of them
        MailboxSnapshot[] snapshot = new MailboxSnapshot[1];
        BlockedActors.awaitTrue(() -> {
            snapshot[0] = finder.scan(Thread.getAllStackTraces().keySet());
            // the note appears with the first actor past the limit; the count is whole once all have started
            return snapshot[0].note() != null && snapshot[0].note().contains("5 more actors");
        });
        assertEquals(PekkoMailboxes.MAX_LISTED, snapshot[0].all().stream().filter(m -> m.kind().equals("actor")).count());
        assertTrue(snapshot[0].note().contains("5 more actors with 5 messages were not listed"), snapshot[0].note());
    }


}
