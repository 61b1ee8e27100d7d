package dev.convergence.core.request;

import dev.convergence.core.pipeline.PipelineConfig;
import dev.convergence.core.tenant.Tenant;

/** A run request that passed {@link RunRequestValidator}, with the configuration it resolved to. */
public record ValidatedRequest(RunRequest request, Tenant tenant, PipelineConfig pipeline) {}
