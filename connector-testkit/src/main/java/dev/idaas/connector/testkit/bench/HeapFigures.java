package dev.idaas.connector.testkit.bench;

/**
 * The Java heap of the whole process while one push ran (connector, simulated Alibaba Mail, host
 * and benchmark together), as {@link HeapWatch} measured it. Every figure is in bytes.
 *
 * @param before the heap in use after a full collection just before the push: what the process held
 *     already (the directory, the classes' static data, earlier parts' leftovers)
 * @param peakUsed the most heap in use at any moment seen: the largest of the samples taken every
 *     few milliseconds and of the usage just before each collection; it includes garbage not yet
 *     collected, so it depends on how far the JVM lets the heap grow before collecting
 * @param peakLive the most heap still in use just after a collection during the push: an upper
 *     bound of the live data at that moment, garbage the collector did not reach included
 * @param after the heap in use after a full collection once the push, its connector and its
 *     simulated domain were closed: what stays behind, which should be {@code before} again
 */
public record HeapFigures(long before, long peakUsed, long peakLive, long after) {

  /** Bytes in a mebibyte. */
  public static final long MIB = 1024L * 1024L;

  /** The peak used heap in mebibytes. */
  public double peakUsedMib() {
    return (double) peakUsed / MIB;
  }

  /** The peak live heap in mebibytes. */
  public double peakLiveMib() {
    return (double) peakLive / MIB;
  }
}
