package dev.convergence.workflows.expr;

/** The variables an expression can read: those of the running subworkflow. */
public interface Scope {

  boolean has(String name);

  /** The variable's value; only called when {@link #has} is true. */
  Object get(String name);
}
