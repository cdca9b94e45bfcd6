import dev.diag.agent.functions.*;
import dev.diag.protocol.message.Json;
import java.util.*;
import java.util.concurrent.locks.*;
/** deadlocks() on the agent at N parked threads, with and without a deadlock (bench/deadlocks). */
public class DeadlocksPause { public static void main(String[] a) throws Exception {
  int n = a.length > 0 ? Integer.parseInt(a[0]) : 10000;
  for (int i = 0; i < n; i++) { Thread t = new Thread(() -> LockSupport.park(), "worker-" + i); t.setDaemon(true); t.start(); }
  DiagFunction fn = Functions.all().find("deadlocks");
  CallContext ctx = new CallContext() { public boolean cancelled() { return false; } public void emit(List<?> rows) { } };
  for (int round = 0; round < 12; round++) {
    if (round == 6) deadlock();
    long t0 = System.nanoTime();
    Object result = fn.call(new Args("deadlocks", List.of()), ctx);
    long t1 = System.nanoTime();
    int cycles = Json.mapper().valueToTree(result).get("deadlocks").size();
    System.out.printf("round %d: %d deadlock(s), call %.2f ms%n", round, cycles, (t1 - t0) / 1e6);
  }
  System.exit(0);
}
  static void deadlock() throws Exception {
    Object l = new Object(), r = new Object();
    java.util.concurrent.CountDownLatch both = new java.util.concurrent.CountDownLatch(2);
    for (Object[] p : new Object[][] {{l, r}, {r, l}}) {
      Thread t = new Thread(() -> { synchronized (p[0]) { both.countDown(); try { both.await(); } catch (InterruptedException e) { } synchronized (p[1]) { } } });
      t.setDaemon(true); t.start();
    }
    Thread.sleep(200);
  }
}
