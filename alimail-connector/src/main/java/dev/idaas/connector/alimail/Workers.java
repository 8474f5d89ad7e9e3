package dev.idaas.connector.alimail;

import dev.idaas.connector.api.ConnectorException;
import dev.idaas.connector.api.ErrorKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A small pool for independent calls, such as account batches. The request budget, not the pool,
 * sets the pace; the pool only lets calls overlap their network wait.
 */
final class Workers implements AutoCloseable {

  private final ExecutorService pool;

  Workers(int threads) {
    this.pool = Executors.newFixedThreadPool(threads, namedDaemons());
  }

  Executor executor() {
    return pool;
  }

  /**
   * Runs {@code task} for every item on the pool and waits for all of them. A task that throws a
   * run-level failure stops the run, and tasks not started yet are skipped. Never call it from a
   * task: the pool is small and would wait for itself.
   *
   * @throws RuntimeException the first unexpected exception of a task, after all have ended
   */
  <T> void each(Run run, Collection<T> items, Consumer<T> task) {
    List<Future<?>> futures = new ArrayList<>();
    for (T item : items) {
      futures.add(pool.submit(() -> runOne(run, item, task)));
    }
    awaitAll(futures);
  }

  private static <T> void runOne(Run run, T item, Consumer<T> task) {
    try {
      run.checkGoing();
      task.accept(item);
    } catch (ConnectorException failure) {
      if (!Run.stopsRun(failure)) {
        throw failure;
      }
      run.stop(failure);
    }
  }

  private static void awaitAll(List<Future<?>> futures) {
    RuntimeException unexpected = null;
    for (Future<?> future : futures) {
      try {
        future.get();
      } catch (ExecutionException e) {
        if (unexpected == null) {
          unexpected =
              e.getCause() instanceof RuntimeException runtime
                  ? runtime
                  : new IllegalStateException("a worker failed", e.getCause());
        }
      } catch (InterruptedException e) {
        futures.forEach(pending -> pending.cancel(true));
        Thread.currentThread().interrupt();
        throw new ConnectorException(ErrorKind.CANCELLED, "Interrupted while waiting for workers.");
      }
    }
    if (unexpected != null) {
      throw unexpected;
    }
  }

  /** Stops the threads; calls in flight are interrupted. */
  @Override
  public void close() {
    pool.shutdownNow();
  }

  private static ThreadFactory namedDaemons() {
    AtomicInteger count = new AtomicInteger();
    return work -> {
      Thread thread = new Thread(work, "alimail-worker-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
