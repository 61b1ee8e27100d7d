package dev.convergence.workflows;

/**
 * The workflow file is not a valid workflow (bad YAML, a step with two kinds, a jump to a step that
 * does not exist, an expression that does not parse...). The message starts with the file and the
 * step, so the fix can be found without a debugger.
 */
public class InvalidWorkflowException extends RuntimeException {

  public InvalidWorkflowException(String message) {
    super(message);
  }

  public InvalidWorkflowException(String message, Throwable cause) {
    super(message, cause);
  }
}
