package dev.idaas.connector.testkit.host;

import dev.idaas.connector.api.ObjectType;
import dev.idaas.connector.api.Outcome;
import dev.idaas.connector.api.SyncEvent;
import dev.idaas.connector.api.Trigger;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which sync events {@link HostSimulator#events(EventFilter)} lists. Every condition set must hold;
 * an unset condition matches everything. Immutable: each {@code with…} method returns a new filter.
 *
 * <pre>{@code
 * EventFilter.all().problemsOnly().ofType(ObjectType.ACCOUNT).inRun("run-4")
 * }</pre>
 */
public final class EventFilter {

  private final Set<Outcome> outcomes;
  private final ObjectType objectType;
  private final String hostId;
  private final String runId;
  private final Trigger trigger;

  private EventFilter(
      Set<Outcome> outcomes, ObjectType objectType, String hostId, String runId, Trigger trigger) {
    this.outcomes = outcomes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(outcomes));
    this.objectType = objectType;
    this.hostId = hostId;
    this.runId = runId;
    this.trigger = trigger;
  }

  /** Every event. */
  public static EventFilter all() {
    return new EventFilter(Set.of(), null, null, null, null);
  }

  /** Only events with one of these outcomes; none means any outcome. */
  public EventFilter withOutcomes(Outcome... wanted) {
    return withOutcomes(Arrays.asList(wanted));
  }

  /** Only events with one of these outcomes; empty means any outcome. */
  public EventFilter withOutcomes(Collection<Outcome> wanted) {
    return new EventFilter(Set.copyOf(wanted), objectType, hostId, runId, trigger);
  }

  /** Only failed and blocked events: what needs attention. */
  public EventFilter problemsOnly() {
    return withOutcomes(Outcome.FAILED, Outcome.BLOCKED);
  }

  /** Only events about org units, or only about accounts. */
  public EventFilter ofType(ObjectType type) {
    return new EventFilter(outcomes, Objects.requireNonNull(type), hostId, runId, trigger);
  }

  /** Only events about the object with this host id. */
  public EventFilter forObject(String id) {
    return new EventFilter(outcomes, objectType, Objects.requireNonNull(id), runId, trigger);
  }

  /** Only events of one run. */
  public EventFilter inRun(String id) {
    return new EventFilter(outcomes, objectType, hostId, Objects.requireNonNull(id), trigger);
  }

  /** Only events of runs started by this trigger. */
  public EventFilter withTrigger(Trigger wanted) {
    return new EventFilter(outcomes, objectType, hostId, runId, Objects.requireNonNull(wanted));
  }

  /** The outcomes wanted; empty for any. */
  public Set<Outcome> outcomes() {
    return outcomes;
  }

  public Optional<ObjectType> objectType() {
    return Optional.ofNullable(objectType);
  }

  public Optional<String> hostId() {
    return Optional.ofNullable(hostId);
  }

  public Optional<String> runId() {
    return Optional.ofNullable(runId);
  }

  public Optional<Trigger> trigger() {
    return Optional.ofNullable(trigger);
  }

  /** Whether one event passes the filter. */
  public boolean matches(SyncEvent event) {
    return (outcomes.isEmpty() || outcomes.contains(event.outcome()))
        && (objectType == null || objectType == event.objectType())
        && (hostId == null || hostId.equals(event.hostId()))
        && (runId == null || runId.equals(event.runId()))
        && (trigger == null || trigger == event.trigger());
  }

  @Override
  public String toString() {
    return "EventFilter[outcomes="
        + (outcomes.isEmpty() ? "any" : outcomes)
        + ", type="
        + (objectType == null ? "any" : objectType)
        + ", hostId="
        + (hostId == null ? "any" : hostId)
        + ", run="
        + (runId == null ? "any" : runId)
        + ", trigger="
        + (trigger == null ? "any" : trigger)
        + "]";
  }
}
