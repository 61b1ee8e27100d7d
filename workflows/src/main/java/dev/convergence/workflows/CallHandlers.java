package dev.convergence.workflows;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The handlers an executor dispatches to, by call name. */
public final class CallHandlers {

  private final Map<String, CallHandler> handlers;

  private CallHandlers(Map<String, CallHandler> handlers) {
    this.handlers = Collections.unmodifiableMap(new TreeMap<>(handlers));
  }

  public static Builder builder() {
    return new Builder();
  }

  public Optional<CallHandler> handler(String function) {
    return Optional.ofNullable(handlers.get(function));
  }

  /** The call names served. */
  public Set<String> calls() {
    return handlers.keySet();
  }

  /** Collects handlers; a name bound twice is a mistake and is refused. */
  public static final class Builder {
    private final Map<String, CallHandler> handlers = new TreeMap<>();

    private Builder() {}

    public Builder on(String function, CallHandler handler) {
      if (handlers.putIfAbsent(function, handler) != null) {
        throw new IllegalArgumentException("a handler for " + function + " is bound already");
      }
      return this;
    }

    public CallHandlers build() {
      return new CallHandlers(handlers);
    }
  }
}
