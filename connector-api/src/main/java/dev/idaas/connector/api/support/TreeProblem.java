package dev.idaas.connector.api.support;

import java.util.List;
import java.util.Objects;

/**
 * Why one unit of a tree cannot be placed. Reported by {@link TreeOrder} instead of failing the
 * whole tree, so every other unit is still pushed.
 *
 * @param id the unit's id
 * @param kind what is wrong
 * @param related the ids involved: the cycle in order, the missing parent, or the unit with the
 *     problem this one sits under
 * @param message one sentence for an operator
 */
public record TreeProblem(String id, Kind kind, List<String> related, String message) {

  /** What is wrong with a unit's place in the tree. */
  public enum Kind {
    /** The unit names itself as its parent. */
    SELF_PARENT,
    /** The unit is on a loop of parents that never reaches the top. */
    CYCLE,
    /** The unit's parent exists neither in the tree nor outside it. */
    ORPHAN,
    /** An ancestor of the unit has one of the problems above. */
    UNDER_PROBLEM,
    /** Another unit earlier in the input has the same id; the first one is kept. */
    DUPLICATE_ID
  }

  public TreeProblem {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    related = List.copyOf(related);
    Objects.requireNonNull(message, "message");
  }
}
