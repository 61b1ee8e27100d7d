/**
 * The {@code pipeline-run} workflow and the local executor that runs it on one machine: {@link
 * dev.convergence.workflows.WorkflowDefinition} loads the file, {@link
 * dev.convergence.workflows.WorkflowExecutor} runs it with its connector and HTTP calls bound to
 * {@link dev.convergence.workflows.CallHandler}s.
 */
package dev.convergence.workflows;
