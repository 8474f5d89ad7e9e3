package dev.idaas.connector.testkit.alimail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** The faults waiting to fire, and those that fired. Thread-safe. */
final class FaultPlan {

  private final List<ScriptedFault> pending = new ArrayList<>();
  private final Map<String, String> itemFailures = new ConcurrentHashMap<>();
  private final List<FiredFault> fired = new ArrayList<>();
  private final Map<String, UnaryOperator<ObjectNode>> rewrites = new ConcurrentHashMap<>();
  private ChaosFaults chaos;

  synchronized void add(FaultSpec spec) {
    spec.scripted().forEach(this::add);
    if (spec.chaos() != null) {
      chaos = spec.chaos();
    }
  }

  synchronized void add(ScriptedFault fault) {
    if (fault.trigger() instanceof ScriptedFault.ForEmail forEmail) {
      itemFailures.put(forEmail.email(), fault.action().code());
    } else {
      pending.add(fault);
    }
  }

  synchronized void chaos(ChaosFaults newChaos) {
    this.chaos = newChaos;
  }

  /** Adds a change to the data of every successful answer on {@code path}. */
  void rewrite(String path, UnaryOperator<ObjectNode> change) {
    rewrites.merge(path, change, (first, then) -> data -> then.apply(first.apply(data)));
  }

  /** The data of a successful answer on {@code path}, as the rewrites for that path change it. */
  ObjectNode rewrite(String path, ObjectNode data) {
    UnaryOperator<ObjectNode> change = rewrites.get(path);
    return change == null ? data : change.apply(data);
  }

  synchronized void clear() {
    pending.clear();
    itemFailures.clear();
    rewrites.clear();
    chaos = null;
  }

  /** The fault for a call, if one fires: a scripted one first (it is then used up), else chaos. */
  synchronized Optional<FaultAction> forCall(CallCounter.CallNumber number, String path) {
    Optional<FaultAction> action = takeScripted(number, path);
    if (action.isEmpty() && chaos != null) {
      action = chaos.pick(number.global(), path);
    }
    action.ifPresent(fault -> fired.add(new FiredFault(number.global(), path, fault.describe())));
    return action;
  }

  /** The code a {@code createAccounts} item for this address must fail with, if any. */
  Optional<String> itemFailure(String email) {
    return Optional.ofNullable(
        email == null ? null : itemFailures.get(email.trim().toLowerCase(Locale.ROOT)));
  }

  synchronized List<FiredFault> fired() {
    return List.copyOf(fired);
  }

  private Optional<FaultAction> takeScripted(CallCounter.CallNumber number, String path) {
    for (Iterator<ScriptedFault> faults = pending.iterator(); faults.hasNext(); ) {
      ScriptedFault fault = faults.next();
      if (fires(fault.trigger(), number, path)) {
        faults.remove();
        return Optional.of(fault.action());
      }
    }
    return Optional.empty();
  }

  private static boolean fires(
      ScriptedFault.Trigger trigger, CallCounter.CallNumber number, String path) {
    if (trigger instanceof ScriptedFault.AtCall atCall) {
      return atCall.number() == number.global();
    }
    return trigger instanceof ScriptedFault.AtPathCall atPathCall
        && atPathCall.path().equals(path)
        && atPathCall.number() == number.onPath();
  }
}
