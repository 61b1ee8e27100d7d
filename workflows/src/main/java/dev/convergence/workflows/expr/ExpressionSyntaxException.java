package dev.convergence.workflows.expr;

/**
 * An expression that does not parse. The message names what was expected and the 1-based position
 * in the expression (the text between {@code ${} and {@code }}) where parsing stopped.
 */
public final class ExpressionSyntaxException extends RuntimeException {

  private final int position;

  public ExpressionSyntaxException(String detail, int position) {
    super(detail + " at position " + position);
    this.position = position;
  }

  public int position() {
    return position;
  }
}
