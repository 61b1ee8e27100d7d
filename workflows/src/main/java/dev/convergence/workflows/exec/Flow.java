package dev.convergence.workflows.exec;

import java.util.Optional;

/** Where control goes after a step or a block: on, to a named step, to the end, or out. */
sealed interface Flow {

  /** On to the step's {@code next}, or the following step. */
  Flow PROCEED = new Proceed();

  /** {@code next: end}: the subworkflow ends, returning null. */
  Flow END = new End();

  record Proceed() implements Flow {}

  record End() implements Flow {}

  /** {@code next: <step>}: found in this block or one around it. */
  record Goto(String target) implements Flow {}

  /** {@code return}: the subworkflow ends with this value. */
  record Returned(Object value) implements Flow {}

  static Flow after(Optional<String> next) {
    if (next.isEmpty()) {
      return PROCEED;
    }
    return next.get().equals("end") ? END : new Goto(next.get());
  }
}
