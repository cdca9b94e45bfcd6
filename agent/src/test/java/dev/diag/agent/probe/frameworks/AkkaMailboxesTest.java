package dev.diag.agent.probe.frameworks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import akka.actor.AbstractActor;
import akka.actor.ActorRef;
import akka.actor.ActorSystem;
import akka.actor.Props;
import com.typesafe.config.ConfigFactory;
import dev.diag.agent.probe.JdkInternals;
import dev.diag.agent.probe.Mailbox;
import dev.diag.agent.probe.MailboxFinder;
import dev.diag.agent.probe.MailboxSnapshot;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import scala.concurrent.Await;
import scala.concurrent.duration.Duration;

/**
 * The real Akka 2.6 (classic actors), read by the same adapter as Pekko under its own package:
 * one actor running on a one-thread dispatcher, another queued behind it.
 */
class AkkaMailboxesTest {
    private final MailboxFinder finder = new MailboxFinder(JdkInternals.withoutInstrumentation());
    private ActorSystem system;

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

    @Test
    void theRunningActorIsItsThreadsMailboxAndTheQueuedOneHasNoOwner() throws Exception {
        BlockedActors.reset();
        system = ActorSystem.create("unit", ConfigFactory.parseString(
                "akka.actor.default-dispatcher.fork-join-executor { parallelism-min = 1, parallelism-max = 1 }\n"
                        + "akka.loglevel = OFF\nakka.stdout-loglevel = OFF"));
        ActorRef stuck = system.actorOf(Props.create(Stuck.class), "stuck");
        stuck.tell("block", ActorRef.noSender());
        Thread running = BlockedActors.running();
        ActorRef waiting = system.actorOf(Props.create(Stuck.class), "waiting");
        for (int i = 0; i < 10; i++) {
            stuck.tell("x", ActorRef.noSender());
        }
        for (int i = 0; i < 20; i++) {
            waiting.tell("x", ActorRef.noSender());
        }

        MailboxSnapshot snapshot = BlockedActors.actorsSeen(finder, 2);
        List<Mailbox> all = snapshot.all().stream().filter(m -> m.name().startsWith("akka://")).toList();
        assertEquals(List.of(new Mailbox("akka://unit/user/waiting", "actor", 20, null, List.of()),
                new Mailbox("akka://unit/user/stuck", "actor", 10, null, List.of(running.getId()))), all);
        assertEquals(all.get(1), snapshot.servedBy(running.getId()).orElseThrow());
    }

}
