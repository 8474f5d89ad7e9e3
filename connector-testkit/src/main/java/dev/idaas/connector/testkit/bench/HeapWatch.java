package dev.idaas.connector.testkit.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Measures the heap of the whole process while a push runs, in two ways at once:
 *
 * <ul>
 *   <li>a daemon thread reads {@link MemoryMXBean#getHeapMemoryUsage()} every {@value
 *       #SAMPLE_MILLIS} ms;
 *   <li>a listener on every garbage collector's notifications reads the heap pools just before and
 *       just after each collection. The usage before a collection is the top of each saw-tooth,
 *       which sampling may miss; the usage after it bounds the live data from above.
 * </ul>
 *
 * <p>{@link #start()} and {@link #stop()} each ask for a full collection ({@link System#gc()}), so
 * the figures start from the live data and end with what the push left live. Not for use by two
 * pushes at once: the figures would mix.
 */
final class HeapWatch {

  static final int SAMPLE_MILLIS = 5;

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final Set<String> heapPools = new HashSet<>();
  private final AtomicLong peakUsed = new AtomicLong();
  private final AtomicLong peakLive = new AtomicLong();
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final NotificationListener listener = this::collected;
  private final long before;
  private final Thread sampler;
  private volatile boolean sampling = true;

  private HeapWatch() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        heapPools.add(pool.getName());
      }
    }
    before = usedAfterFullCollection();
    peakUsed.set(before);
    peakLive.set(before);
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (collector instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(listener, null, null);
        emitters.add(emitter);
      }
    }
    sampler = new Thread(this::sample, "bench-heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
  }

  /** Collects, then starts watching. */
  static HeapWatch start() {
    return new HeapWatch();
  }

  /** Stops watching, collects, and gives the figures. */
  HeapFigures stop() {
    sampling = false;
    try {
      sampler.join(TimeUnit.SECONDS.toMillis(1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    long after = usedAfterFullCollection();
    for (NotificationEmitter emitter : emitters) {
      try {
        emitter.removeNotificationListener(listener);
      } catch (ListenerNotFoundException alreadyGone) {
        // Nothing to remove: the figures are complete either way.
      }
    }
    return new HeapFigures(before, peakUsed.get(), Math.max(peakLive.get(), after), after);
  }

  private void sample() {
    while (sampling) {
      peakUsed.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
      try {
        Thread.sleep(SAMPLE_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void collected(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
        notification.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    peakUsed.accumulateAndGet(heapUsed(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
    peakLive.accumulateAndGet(heapUsed(info.getGcInfo().getMemoryUsageAfterGc()), Math::max);
  }

  private long heapUsed(Map<String, MemoryUsage> pools) {
    long used = 0;
    for (Map.Entry<String, MemoryUsage> pool : pools.entrySet()) {
      if (heapPools.contains(pool.getKey())) {
        used += pool.getValue().getUsed();
      }
    }
    return used;
  }

  private long usedAfterFullCollection() {
    System.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }
}
