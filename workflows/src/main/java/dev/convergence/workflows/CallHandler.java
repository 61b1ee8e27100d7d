package dev.convergence.workflows;

/**
 * Serves one kind of {@code call} step the executor does not make itself: a connector ({@code
 * googleapis.run.v2.projects.locations.jobs.run}, {@code gke.create_job}, ...) or an HTTP call
 * ({@code http.post}). On one machine each is bound to an in-process stage; that binding is the
 * seam between the workflow file and the rest of the pipeline, and it is the only one.
 *
 * <p>A handler returns what the call returns in the cloud (a JSON-like value: maps, lists, strings,
 * numbers, booleans, null), or throws {@link WorkflowError} shaped as the cloud raises it (for
 * example {@link WorkflowError#http} with code 503), so that the file's retry predicates and {@code
 * except} blocks see the same values here as there. Any other exception becomes a {@code
 * SystemError}.
 */
@FunctionalInterface
public interface CallHandler {

  Object call(Call call);
}
