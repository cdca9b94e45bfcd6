import dev.diag.agent.probe.*;
import dev.diag.protocol.message.*;
import java.util.*;
import java.util.concurrent.locks.LockSupport;
/** i() on the agent at 10,000 threads, phase by phase, in-process (bench/i-phases). */
public class IPhases { public static void main(String[] a) throws Exception {
  int n = a.length > 0 ? Integer.parseInt(a[0]) : 10000;
  for (int i = 0; i < n; i++) { Thread t = new Thread(() -> LockSupport.park(), "worker-" + i); t.setDaemon(true); t.start(); }
  MailboxFinder finder = new MailboxFinder(JdkInternals.withoutInstrumentation());
  for (int round = 0; round < 6; round++) {
    long t0 = System.nanoTime();
    ThreadTable table = ThreadTable.take();
    long t1 = System.nanoTime();
    MailboxSnapshot snap = finder.scan(LiveThreads.byId().values());
    long t2 = System.nanoTime();
    List<Object> rows = new ArrayList<>();
    for (ThreadTable.Entry e : table.entries()) rows.add(dev.diag.protocol.result.ProcessRow.platform(e.id(), e.info().getThreadName(), e.info().getThreadState().name(), e.allocatedBytes(), e.cpuNanos(), null, null, e.info().isDaemon()));
    long bytes = 0; for (Object r : rows) bytes += JsonTree.bytes(Json.mapper().valueToTree(r)).length;
    long t3 = System.nanoTime();
    long[] ids = table.entries().stream().mapToLong(ThreadTable.Entry::id).toArray();
    TopFrames.of(ids);
    long t4 = System.nanoTime();
    System.out.printf("table %d ms, mailboxes %d ms, rows->json %d ms (%d KB), current functions %d ms%n", (t1-t0)/1000000, (t2-t1)/1000000, (t3-t2)/1000000, bytes/1024, (t4-t3)/1000000);
  }
  System.exit(0);
}}
