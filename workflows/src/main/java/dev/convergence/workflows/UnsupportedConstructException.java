package dev.convergence.workflows;

/**
 * The file uses a Workflows construct the local executor does not implement ({@code parallel},
 * {@code for}, a standard-library function it lacks, a call with no handler bound). Raised when the
 * file is loaded or the executor is built, never skipped: a local run that silently did less than
 * the cloud would prove nothing. It is not a workflow error, so no {@code except} catches it.
 */
public final class UnsupportedConstructException extends InvalidWorkflowException {

  private final String step;
  private final String construct;

  public UnsupportedConstructException(String source, String step, String construct, String why) {
    super(
        source
            + ": step '"
            + step
            + "': "
            + construct
            + " is not supported by the local executor"
            + (why.isEmpty() ? "" : "; " + why));
    this.step = step;
    this.construct = construct;
  }

  /** The step, as {@code <subworkflow>.<step>}. */
  public String step() {
    return step;
  }

  /** The construct, as written in the message, e.g. {@code 'parallel'}. */
  public String construct() {
    return construct;
  }
}
